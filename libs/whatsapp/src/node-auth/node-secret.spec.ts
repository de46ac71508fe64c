import { NodeSecret } from './node-secret';

describe('NodeSecret', () => {
  const secret = new NodeSecret('s3cret-node-key');

  it('accepts exactly the configured secret', () => {
    expect(secret.matches('s3cret-node-key')).toBe(true);
  });

  it.each([
    ['a different secret of the same length', 's3cret-node-kez'],
    ['a prefix', 's3cret-node'],
    ['a longer value', 's3cret-node-key-and-more'],
    ['an empty header', ''],
    ['no header', undefined],
    ['a repeated header (an array)', ['s3cret-node-key', 's3cret-node-key']],
  ])('refuses %s', (_name, given) => {
    expect(secret.matches(given)).toBe(false);
  });

  it('refuses everything while the hub has no secret configured', () => {
    expect(new NodeSecret(undefined).matches('anything')).toBe(false);
    expect(new NodeSecret('').matches('')).toBe(false);
    expect(new NodeSecret(undefined).isSet).toBe(false);
    expect(secret.isSet).toBe(true);
  });
});
