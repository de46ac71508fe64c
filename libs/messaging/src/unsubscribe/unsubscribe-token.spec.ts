import { UnsubscribeTokens } from './unsubscribe-token';

const ACCOUNT = '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d';
const CONTACT = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a';
const GROUP_A = 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d';
const GROUP_B = 'f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens('app-secret-key-0123456789abcdef');

  it('round-trips an all-groups claim', () => {
    const token = tokens.sign({ accountId: ACCOUNT, contactId: CONTACT, groupIds: null });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(tokens.verify(token)).toEqual({ accountId: ACCOUNT, contactId: CONTACT, groupIds: null });
  });

  it('round-trips the groups it names', () => {
    const token = tokens.sign({ accountId: ACCOUNT, contactId: CONTACT, groupIds: [GROUP_A, GROUP_B] });
    expect(tokens.verify(token)).toEqual({ accountId: ACCOUNT, contactId: CONTACT, groupIds: [GROUP_A, GROUP_B] });
  });

  it('treats an empty group list as all groups', () => {
    expect(tokens.verify(tokens.sign({ accountId: ACCOUNT, contactId: CONTACT, groupIds: [] }))?.groupIds).toBeNull();
  });

  it('refuses a token whose payload was altered', () => {
    const token = tokens.sign({ accountId: ACCOUNT, contactId: CONTACT, groupIds: [GROUP_A] });
    const [payload, mac] = token.split('.');
    const bytes = Buffer.from(payload, 'base64url');
    bytes[20] ^= 0x01; // another contact
    expect(tokens.verify(`${bytes.toString('base64url')}.${mac}`)).toBeNull();
    // Dropping the group (unsubscribe from all instead) is an alteration too.
    expect(tokens.verify(`${bytes.subarray(0, 33).toString('base64url')}.${mac}`)).toBeNull();
  });

  it('refuses a token with a forged or truncated signature', () => {
    const token = tokens.sign({ accountId: ACCOUNT, contactId: CONTACT, groupIds: null });
    const [payload, mac] = token.split('.');
    const flipped = Buffer.from(mac, 'base64url');
    flipped[0] ^= 0xff;
    expect(tokens.verify(`${payload}.${flipped.toString('base64url')}`)).toBeNull();
    expect(tokens.verify(`${payload}.${mac.slice(0, 20)}`)).toBeNull();
    expect(tokens.verify(payload)).toBeNull();
  });

  it('refuses a token signed with another key', () => {
    const other = new UnsubscribeTokens('another-app-secret-key-9876543210');
    expect(tokens.verify(other.sign({ accountId: ACCOUNT, contactId: CONTACT, groupIds: null }))).toBeNull();
  });

  it('refuses garbage without throwing', () => {
    for (const junk of ['', '.', 'abc', 'a.b.c', '!!!.???', `${'A'.repeat(10)}.${'B'.repeat(43)}`]) expect(tokens.verify(junk)).toBeNull();
  });
});
