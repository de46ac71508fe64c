import { badQueryParameter, fieldPath, MAX_JSON_DEPTH, problemMessage, scanBody, scanParams } from './input-scan';

/** {"a":{"a":…1}} with `levels` objects. */
const nested = (levels: number): unknown => JSON.parse('{"a":'.repeat(levels) + '1' + '}'.repeat(levels));

describe('scanBody', () => {
  it('takes ordinary bodies, emoji (surrogate pairs) included', () => {
    expect(scanBody({ email: 'ann@example.com', tags: ['a', 1, null, true], nested: { name: 'Ana 😀' } })).toBeNull();
    expect(scanBody('plain text')).toBeNull();
    expect(scanBody(42)).toBeNull();
  });

  it(`takes ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
    expect(scanBody(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(scanBody(nested(MAX_JSON_DEPTH + 1))).toEqual({ kind: 'depth' });
    expect(scanBody(JSON.parse('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)))).toEqual({ kind: 'depth' });
  });

  it('walks a body nested 100,000 levels without overflowing the stack', () => {
    expect(scanBody(nested(100_000))).toEqual({ kind: 'depth' });
  });

  it('names the path of a NUL in a value, in an array item, and in a key', () => {
    expect(scanBody({ a: 'x\u0000' })).toEqual({ kind: 'nul', path: 'a' });
    expect(scanBody({ custom_fields: { list: ['ok', 'b\u0000'] } })).toEqual({ kind: 'nul', path: 'custom_fields.list[1]' });
    expect(scanBody({ custom_fields: { 'k\u0000': 1 } })).toEqual({ kind: 'nul', path: 'custom_fields["k\\u0000"]' });
    expect(scanBody(['\u0000'])).toEqual({ kind: 'nul', path: '[0]' });
    expect(scanBody('\u0000')).toEqual({ kind: 'nul', path: '(body)' });
  });

  it('names a lone high or low surrogate and which one it is', () => {
    expect(scanBody({ name: 'a\ud800' })).toEqual({ kind: 'surrogate', path: 'name', unit: '\\ud800' });
    expect(scanBody({ name: '\udfffb' })).toEqual({ kind: 'surrogate', path: 'name', unit: '\\udfff' });
    expect(scanBody({ '\ud83d': 1 })).toEqual({ kind: 'surrogate', path: '["\\ud83d"]', unit: '\\ud83d' });
  });

  it('words each problem so the words themselves are storable', () => {
    expect(problemMessage({ kind: 'depth' })).toBe(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(problemMessage({ kind: 'nul', path: 'note' })).toBe('note must not contain the NUL character (\\u0000)');
    expect(problemMessage({ kind: 'surrogate', path: 'x', unit: '\\ud800' })).toBe('x contains a lone UTF-16 surrogate (\\ud800), which cannot be stored');
    const path = fieldPath(['a', 'b c\u0000\ud800', 2]);
    expect(path).toBe('a["b c\\u0000\\ud800"][2]');
    expect(path.includes('\u0000') || !(path as string & { isWellFormed(): boolean }).isWellFormed()).toBe(false);
  });
});

describe('scanParams', () => {
  it('names a path parameter holding a NUL', () => {
    expect(scanParams({ id: '7d1f' })).toBeNull();
    expect(scanParams({ id: 'a\u0000' })).toEqual({ kind: 'nul', path: 'id' });
  });
});

describe('badQueryParameter', () => {
  it.each([
    ['/api/contacts', null],
    ['/api/contacts?search=ann%40example.com&limit=5', null],
    ['/api/contacts?search=%E2%82%AC+100%25', null],
    ['/api/contacts?search=%00', 'search'],
    ['/api/contacts?limit=5&to=a%00b', 'to'],
    ['/api/contacts?search=%ED%A0%80', 'search'],
    ['/api/contacts?search=caf%E9', 'search'],
    ['/api/contacts?search=100%', 'search'],
    ['/api/contacts?se%FFarch=1', '["se%FFarch"]'],
    ['/api/contacts?%00=1', '["\\u0000"]'],
  ])('%s → %s', (url, name) => {
    expect(badQueryParameter(url)).toBe(name);
  });
});
