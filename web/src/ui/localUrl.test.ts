import { describe, expect, it } from 'vitest';
import { isLocalOnlyUrl } from './localUrl';

describe('isLocalOnlyUrl', () => {
  it('spots the default http://localhost:<PORT> and loopback addresses', () => {
    expect(isLocalOnlyUrl('http://localhost:3000/api/automation/webhook/abc')).toBe(true);
    expect(isLocalOnlyUrl('http://127.0.0.1:8080/api/webhook/email/mailgun/1')).toBe(true);
    expect(isLocalOnlyUrl('http://[::1]:3000/x')).toBe(true);
  });

  it('lets a public address through, and something that is not a URL', () => {
    expect(isLocalOnlyUrl('https://hub.example.com/api/automation/webhook/abc')).toBe(false);
    expect(isLocalOnlyUrl('https://localhost.example.com/x')).toBe(false);
    expect(isLocalOnlyUrl('not a url')).toBe(false);
  });
});
