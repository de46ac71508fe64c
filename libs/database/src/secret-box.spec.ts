import { AppConfig } from '@hub/config';
import { SecretBox } from './secret-box';

const box = (key: string) => new SecretBox({ appSecretKey: key } as AppConfig);

describe('SecretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const a = box('k'.repeat(32));
    const stored = a.encrypt('smtp-password-123');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('smtp-password-123');
    expect(a.decrypt(stored)).toBe('smtp-password-123');
    expect(a.encrypt('same')).not.toBe(a.encrypt('same'));
  });

  it('never gives two encryptions the same IV, across refills of its pool of IVs', () => {
    const a = box('k'.repeat(32));
    const ivs = Array.from({ length: 1_000 }, () => a.encrypt('x').split('.')[1]);
    expect(new Set(ivs).size).toBe(1_000);
    expect(ivs.every((iv) => Buffer.from(iv, 'base64url').length === 12)).toBe(true);
  });

  it('refuses a ciphertext made with another key or tampered with', () => {
    const stored = box('k'.repeat(32)).encrypt('secret');
    expect(() => box('z'.repeat(32)).decrypt(stored)).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box('k'.repeat(32)).decrypt(parts.join('.'))).toThrow();
  });
});
