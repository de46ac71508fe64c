import { ipLiteral, isBlockedAddress } from './address-policy';
import { webhookUrlProblem } from './webhook-url';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1', '127.1.2.3', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '169.254.0.1',
    '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254',
    '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::7f00:1', '2002:7f00:1::', '198.18.0.1',
    // IPv4 inside IPv6: IPv4-compatible (ipaddr.js calls ::/96 unicast), translated, NAT64, 6to4, Teredo.
    '::127.0.0.1', '::169.254.169.254', '::8.8.8.8', '::ffff:0:10.0.0.1', '64:ff9b::10.0.0.1', '64:ff9b::169.254.169.254',
    '64:ff9b:1::808:808', '2002:a9fe:a9fe::1', '2002:c0a8:101::', '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  ])('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '2002:808:808::1'])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('URL forms of internal addresses', () => {
  // The WHATWG parser canonicalises decimal, hex, octal and short IPv4 forms.
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::ffff:7f00:1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
    ['http://[::127.0.0.1]/', '[::7f00:1]'],
    ['http://[::169.254.169.254]/', '[::a9fe:a9fe]'],
  ])('%s is seen as %s and refused', (url, host) => {
    const { hostname } = new URL(url);
    expect(hostname).toBe(host);
    const literal = ipLiteral(hostname);
    expect(literal).toBeDefined();
    expect(isBlockedAddress(literal!)).toBe(true);
  });
});

describe('webhookUrlProblem', () => {
  it.each([
    ['ftp://example.com/x', 'must use http or https, not ftp'],
    ['https://user:pass@example.com/', 'must not contain credentials (user:password@)'],
    ['example.com/hook', 'must be an absolute http(s) URL'],
    [`https://example.com/${'a'.repeat(2048)}`, 'must be at most 2048 characters'],
  ])('refuses %s', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it('accepts an https URL', () => {
    expect(webhookUrlProblem('https://example.com/hooks?x=1')).toBeNull();
  });
});
