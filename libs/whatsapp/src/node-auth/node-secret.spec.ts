import { nodeSecretMatches } from './node-secret';

describe('nodeSecretMatches', () => {
  it('accepts exactly the configured secret', () => {
    expect(nodeSecretMatches('s3cret-node-key', 's3cret-node-key')).toBe(true);
  });

  it.each([
    ['a different secret of the same length', 's3cret-node-kez'],
    ['a prefix', 's3cret-node'],
    ['a longer value', 's3cret-node-key-and-more'],
    ['an empty header', ''],
    ['no header', undefined],
    ['a repeated header (an array)', ['s3cret-node-key', 's3cret-node-key']],
  ])('refuses %s', (_name, given) => {
    expect(nodeSecretMatches('s3cret-node-key', given)).toBe(false);
  });

  it('refuses everything while the hub has no secret configured', () => {
    expect(nodeSecretMatches(undefined, 'anything')).toBe(false);
    expect(nodeSecretMatches('', '')).toBe(false);
  });
});
