import { randomUUID } from 'node:crypto';
import { Operation, Schema } from './openapi-operations';
import { propertiesOf } from './schema-examples';

/** One hostile request: its class (what the allow-list names), a short description, and the bytes to send. */
export interface FuzzCase {
  kind: string;
  detail: string;
  /** Path with the query string, as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** What a case is built from: the operation, real ids of the caller's records, and a body the route accepts. */
export interface CaseContext {
  op: Operation;
  /** Raw path values (already percent-encoded where they need it). */
  pathValues: Record<string, string>;
  baseBody: unknown;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const DEPTH = 5000;

export function fillRawPath(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name]);
}

/** Percent-encodes the UTF-8 bytes of any string (encodeURIComponent throws on a lone surrogate; Buffer writes U+FFFD). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const jsonCase = (ctx: CaseContext, kind: string, detail: string, body: string): FuzzCase => ({ kind, detail, path: fillRawPath(ctx.op, ctx.pathValues), headers: { ...JSON_TYPE }, body });
const withProperty = (base: unknown, name: string, value: unknown) => ({ ...(isObject(base) ? base : {}), [name]: value });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Values of every JSON type but the property's own. */
function wrongTypes(schema: Schema): unknown[] {
  const type = schema.type ?? (schema.properties ? 'object' : schema.allOf || schema.oneOf ? 'object' : undefined);
  const all: Record<string, unknown[]> = {
    string: [12345, true],
    number: ['12', true],
    integer: ['12', false],
    boolean: ['true', 1],
    object: ['{}', 7],
    array: ['[]', { 0: 'a' }],
  };
  const out = Object.entries(all)
    .filter(([t]) => t !== type && !(type === 'number' && t === 'integer') && !(type === 'integer' && t === 'number'))
    .map(([, values]) => values[0]);
  out.push(type === 'array' ? {} : [], type === 'object' ? [] : { nested: { deeper: 'x' } });
  if (!schema.nullable) out.push(null);
  return [...new Set(out.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v));
}

/**
 * Lengths and numbers at and past the documented limits (`limits`, all sent), and values JSON allows but programs
 * mishandle (`extremes`, a rotating share sent).
 */
function boundaryValues(schema: Schema): { limits: { detail: string; json: string }[]; extremes: { detail: string; json: string }[] } {
  const limits: { detail: string; json: string }[] = [];
  const extremes: { detail: string; json: string }[] = [];
  if (schema.type === 'string' || schema.format) {
    if (schema.maxLength) limits.push({ detail: `maxLength ${schema.maxLength}`, json: JSON.stringify('a'.repeat(schema.maxLength)) }, { detail: 'maxLength+1', json: JSON.stringify('a'.repeat(schema.maxLength + 1)) });
    else limits.push({ detail: '200,000 characters', json: JSON.stringify('a'.repeat(200_000)) });
    if (schema.minLength > 1) limits.push({ detail: 'minLength-1', json: JSON.stringify('a'.repeat(schema.minLength - 1)) });
    extremes.push({ detail: 'empty string', json: '""' }, { detail: 'whitespace only', json: '"   "' }, { detail: 'right-to-left override and emoji', json: JSON.stringify('\u202e😀𝕏\u200b') });
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    if (schema.minimum !== undefined) limits.push({ detail: 'minimum-1', json: String(schema.minimum - 1) });
    if (schema.maximum !== undefined) limits.push({ detail: 'maximum+1', json: String(schema.maximum + 1) });
    extremes.push(
      { detail: '1e999 (Infinity when parsed)', json: '1e999' },
      { detail: '-1e308', json: '-1e308' },
      { detail: 'integer beyond 2^64', json: '123456789012345678901234567890' },
      { detail: 'fraction', json: '0.5' },
      { detail: 'negative zero', json: '-0' },
    );
  }
  if (schema.type === 'array') limits.push({ detail: `${(schema.maxItems ?? 1000) + 1} items`, json: JSON.stringify(Array.from({ length: (schema.maxItems ?? 1000) + 1 }, () => 'x')) });
  return { limits, extremes };
}

/** `count` items of a list starting at `offset`, wrapping around. */
function rotate<T>(items: T[], offset: number, count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_v, i) => items[(offset * count + i) % items.length]);
}

function multipart(fields: Record<string, unknown>): { body: string; type: string } {
  const boundary = '----fuzzboundary7MA4YWxk';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`);
  return { body: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

/** Hostile bodies for an operation that takes one (every method but GET and HEAD gets the schema-free ones). */
export function bodyCases(ctx: CaseContext): FuzzCase[] {
  const { op, baseBody } = ctx;
  if (op.method === 'GET' || op.method === 'HEAD') return [];
  const base = baseBody === undefined ? {} : baseBody;
  const cases: FuzzCase[] = [
    jsonCase(ctx, 'body:deep-json', `arrays nested ${DEPTH} deep`, '['.repeat(DEPTH) + ']'.repeat(DEPTH)),
    jsonCase(ctx, 'body:deep-json', `objects nested ${DEPTH} deep`, '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH)),
    jsonCase(ctx, 'body:lone-surrogate', 'lone surrogate as a key', JSON.stringify(withProperty(base, '\ud800', 'x'))),
    jsonCase(ctx, 'body:nul', 'NUL in a key', JSON.stringify(withProperty(base, 'a\u0000b', 'x'))),
    jsonCase(ctx, 'body:extra-property', 'unknown property', JSON.stringify(withProperty(base, 'unknown_property_x', 1))),
    jsonCase(ctx, 'body:extra-property', '__proto__ property', `{"__proto__":{"polluted":true,"isAdmin":true},${JSON.stringify(base).slice(1)}`.replace(/,}$/, '}')),
    jsonCase(ctx, 'body:extra-property', 'constructor.prototype property', JSON.stringify(withProperty(base, 'constructor', { prototype: { polluted: true } }))),
    jsonCase(ctx, 'body:array-for-object', 'empty array body', '[]'),
    jsonCase(ctx, 'body:array-for-object', 'the body inside an array', JSON.stringify([base])),
    jsonCase(ctx, 'body:scalar', 'null body', 'null'),
    jsonCase(ctx, 'body:scalar', 'number body', '123'),
    jsonCase(ctx, 'body:scalar', 'string body', '"text"'),
    jsonCase(ctx, 'body:malformed', 'truncated JSON', JSON.stringify(base).slice(0, -1)),
    jsonCase(ctx, 'body:malformed', 'trailing garbage', `${JSON.stringify(base)}}}`),
    jsonCase(ctx, 'body:malformed', 'byte order mark', `\ufeff${JSON.stringify(base)}`),
    jsonCase(ctx, 'body:malformed', 'empty body with a JSON content type', ''),
    { kind: 'body:malformed', detail: 'invalid UTF-8 bytes', path: fillRawPath(op, ctx.pathValues), headers: { ...JSON_TYPE }, body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]) },
    jsonCase(ctx, 'body:oversize', 'body over 1 MiB', JSON.stringify(withProperty(base, 'padding', 'a'.repeat(1024 * 1024 + 10)))),
  ];
  const { properties, required } = propertiesOf(op.bodySchema);
  for (const name of required) cases.push(jsonCase(ctx, 'body:missing-required', `without ${name}`, JSON.stringify(Object.fromEntries(Object.entries(isObject(base) ? base : {}).filter(([k]) => k !== name)))));
  if (required.length) cases.push(jsonCase(ctx, 'body:missing-required', 'empty object', '{}'));
  // Custom keys too where the schema allows any (the trigger webhook's custom fields).
  const names = Object.keys(properties).length ? Object.keys(properties) : isObject(base) ? Object.keys(base) : [];
  if (op.bodySchema?.additionalProperties) names.push('custom_field_x');
  // Per property, each class once; where a class has several values (types, limits), a rotating share of them,
  // so a route meets every value across its properties while the run stays within its time budget.
  for (const [pi, name] of names.entries()) {
    const schema = properties[name] ?? {};
    const rest = JSON.stringify(Object.fromEntries(Object.entries(isObject(base) ? base : {}).filter(([k]) => k !== name))).slice(1, -1);
    const raw = (json: string) => `{${JSON.stringify(name)}:${json}${rest ? `,${rest}` : ''}}`;
    const nested = schema.type === 'object' || schema.additionalProperties ? { k: '\udfff' } : ['\udfff'];
    cases.push(jsonCase(ctx, 'body:lone-surrogate', pi % 2 ? `${name}: "\\udfff" nested` : `${name}: "\\ud800"`, JSON.stringify(withProperty(base, name, pi % 2 ? nested : 'a\ud800b'))));
    cases.push(jsonCase(ctx, 'body:nul', `${name}: NUL`, JSON.stringify(withProperty(base, name, 'a\u0000b'))));
    for (const value of rotate(wrongTypes(schema), pi, 3)) cases.push(jsonCase(ctx, 'body:wrong-type', `${name}: ${JSON.stringify(value)}`, JSON.stringify(withProperty(base, name, value))));
    const { limits, extremes } = boundaryValues(schema);
    for (const { detail, json } of [...limits, ...rotate(extremes, pi, 2)]) cases.push(jsonCase(ctx, 'body:boundary', `${name}: ${detail}`, raw(json)));
    if (isObject(base) && name in base) {
      const duplicates = [
        { detail: `${name} twice, the second an object`, json: `{${rest ? `${rest},` : ''}${JSON.stringify(name)}:${JSON.stringify(base[name])},${JSON.stringify(name)}:{"dup":true}}` },
        { detail: `${name} twice, the first an array`, json: `{${JSON.stringify(name)}:[1],${JSON.stringify(name)}:${JSON.stringify(base[name])}${rest ? `,${rest}` : ''}}` },
        { detail: `${name} twice, the second NUL`, json: `{${JSON.stringify(name)}:${JSON.stringify(base[name])},${rest ? `${rest},` : ''}${JSON.stringify(name)}:"\\u0000"}` },
      ];
      const duplicate = duplicates[pi % duplicates.length];
      cases.push(jsonCase(ctx, 'body:duplicate-key', duplicate.detail, duplicate.json));
    }
  }
  // Every content type, carrying the accepted body.
  const flat = isObject(base) ? Object.fromEntries(Object.entries(base).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) : {};
  const form = new URLSearchParams(flat as Record<string, string>).toString();
  const parts = multipart(flat);
  const path = fillRawPath(op, ctx.pathValues);
  const json = JSON.stringify(base);
  cases.push(
    { kind: 'body:content-type', detail: 'form-urlencoded', path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form },
    { kind: 'body:content-type', detail: 'form with repeated and bracketed keys', path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${form}&a=1&a=2&b[c]=3&d[]=4&%zz=%zz&e=%00` },
    { kind: 'body:content-type', detail: 'text/plain', path, headers: { 'content-type': 'text/plain' }, body: json },
    { kind: 'body:content-type', detail: 'multipart/form-data', path, headers: { 'content-type': parts.type }, body: parts.body },
    { kind: 'body:content-type', detail: 'application/xml', path, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
    { kind: 'body:content-type', detail: 'no content type', path, headers: {}, body: json },
    { kind: 'body:content-type', detail: 'no body', path, headers: {} },
    { kind: 'body:content-type', detail: 'JSON declared UTF-16', path, headers: { 'content-type': 'application/json; charset=utf-16le' }, body: Buffer.from(json, 'utf16le') },
    { kind: 'body:content-type', detail: 'JSON with an unknown charset', path, headers: { 'content-type': 'application/json; charset=x-bogus' }, body: json },
    { kind: 'body:content-type', detail: 'vendor JSON type', path, headers: { 'content-type': 'application/vnd.api+json' }, body: json },
    { kind: 'body:content-type', detail: 'malformed content type', path, headers: { 'content-type': ';;;/=' }, body: json },
    { kind: 'body:content-type', detail: 'octet-stream', path, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]) },
  );
  return cases;
}

/** Hostile values for each path parameter (the other parameters keep the caller's real ids). */
export function pathCases(ctx: CaseContext): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const param of ctx.op.pathParams) {
    const real = ctx.pathValues[param.name];
    const values: [string, string][] = [
      ['not an id', 'abc'],
      ['zero', '0'],
      ['negative number', '-1'],
      ['nil uuid', '00000000-0000-0000-0000-000000000000'],
      ['unknown uuid', randomUUID()],
      ['uuid in upper case', real.toUpperCase()],
      ['uuid with a trailing encoded space', `${real}%20`],
      ['uuid with a trailing NUL', `${real}%00`],
      ['5,000 characters', 'a'.repeat(5000)],
      ['unicode', percentEncode('ñ✓😀\u202e')],
      ['encoded lone surrogate (U+D800 as UTF-8 bytes)', '%ED%A0%80'],
      ['NUL', '%00'],
      ['dot dot', '..'],
      ['encoded dot dot', '%2e%2e'],
      ['traversal', '..%2f..%2fapi%2fhealth'],
      ['invalid percent-encoding', '%zz'],
      ['SQL', percentEncode("1' OR '1'='1")],
      ['SQL statement', percentEncode("1; DROP TABLE accounts; --")],
      ['template syntax', percentEncode('{{7*7}}${7*7}')],
    ];
    for (const [detail, value] of values) cases.push({ kind: 'path:hostile-id', detail: `${param.name}: ${detail}`, path: fillRawPath(ctx.op, { ...ctx.pathValues, [param.name]: value }), headers: {} });
  }
  return cases.map((c) => withBaseBody(ctx, c));
}

/** Base64url of text: the shape of this API's cursors, with hostile content. */
const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Hostile values for each documented query parameter, one at a time, plus parameters no route documents. */
export function queryCases(ctx: CaseContext): FuzzCase[] {
  const path = fillRawPath(ctx.op, ctx.pathValues);
  const cases: FuzzCase[] = [];
  const add = (detail: string, query: string, kind = 'query:hostile') => cases.push(withBaseBody(ctx, { kind, detail, path: `${path}?${query}`, headers: {} }));
  for (const param of ctx.op.queryParams) {
    const p = param.name;
    add(`${p}: NUL`, `${p}=%00`, 'query:nul');
    add(`${p}: NUL inside`, `${p}=a%00b`, 'query:nul');
    add(`${p}: invalid percent-encoding`, `${p}=%zz`);
    add(`${p}: lone percent`, `${p}=%`);
    add(`${p}: truncated UTF-8`, `${p}=%E0%A4`);
    add(`${p}: overlong UTF-8`, `${p}=%C0%AF`);
    add(`${p}: UTF-8 of a lone surrogate`, `${p}=%ED%A0%80`);
    add(`${p}: huge number`, `${p}=99999999999999999999999`);
    add(`${p}: negative`, `${p}=-1`);
    add(`${p}: 1e309`, `${p}=1e309`);
    add(`${p}: NaN`, `${p}=NaN`);
    add(`${p}: empty`, `${p}=`);
    add(`${p}: no value`, `${p}`);
    add(`${p}: 10,000 characters`, `${p}=${'a'.repeat(10_000)}`);
    add(`${p}: repeated`, `${p}=a&${p}=b`, 'query:array');
    add(`${p}: bracket array`, `${p}[]=a&${p}[]=b`, 'query:array');
    add(`${p}: bracket object`, `${p}[a]=b`, 'query:array');
    add(`${p}: SQL`, `${p}=${percentEncode("' OR 1=1 --")}`);
    add(`${p}: LIKE wildcards`, `${p}=${percentEncode('%_\\')}`);
    if (param.schema.format === 'uuid' || p === 'id' || p.endsWith('_id')) add(`${p}: not a uuid`, `${p}=abc`);
    if (p === 'since' || p === 'until') {
      add(`${p}: not a date`, `${p}=yesterday`);
      add(`${p}: year 275760+`, `${p}=+275761-01-01T00:00:00Z`);
      add(`${p}: year 0`, `${p}=0000-01-01T00:00:00Z`);
    }
    if (p === 'cursor') {
      const cursors: [string, string][] = [
        ['not base64', '!!!'],
        ['base64 of nothing useful', cursorOf('x|y')],
        ['valid time, id not a uuid', cursorOf('2026-01-01T00:00:00.000Z|not-a-uuid')],
        ['valid time, 500-character id', cursorOf(`2026-01-01T00:00:00.000Z|${'a'.repeat(150)}`)],
        ['valid time, NUL id', cursorOf('2026-01-01T00:00:00.000Z|\u0000')],
        ['out-of-range time', cursorOf(`+275760-09-13T00:00:00.001Z|${randomUUID()}`)],
        ['year 0', cursorOf(`0000-01-01T00:00:00.000Z|${randomUUID()}`)],
        ['numeric time', cursorOf(`1|${randomUUID()}`)],
        ['three parts', cursorOf(`2026-01-01T00:00:00.000Z|${randomUUID()}|x`)],
        ['valid shape', cursorOf(`2026-01-01T00:00:00.000Z|${randomUUID()}`)],
      ];
      for (const [detail, value] of cursors) add(`cursor: ${detail}`, `cursor=${value}`, 'query:bad-cursor');
    }
  }
  add('undocumented parameter', 'unknown_param=1');
  add('__proto__ parameter', '__proto__[polluted]=1&constructor[prototype][polluted]=1');
  add('1,000 parameters', Array.from({ length: 1000 }, (_v, i) => `p${i}=${i}`).join('&'));
  return cases;
}

/** Hostile values for documented header parameters (Idempotency-Key). */
export function headerCases(ctx: CaseContext): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const { name } of ctx.op.headerParams) {
    for (const [detail, value] of [
      ['empty', ''],
      ['300 characters', 'k'.repeat(300)],
      ['7,000 characters', 'k'.repeat(7000)],
      ['latin-1 bytes', 'ü\xff'],
      ['percent-encoded NUL', '%00'],
    ] as const) {
      cases.push(withBaseBody(ctx, { kind: 'header:hostile', detail: `${name}: ${detail}`, path: fillRawPath(ctx.op, ctx.pathValues), headers: { [name]: value } }));
    }
  }
  return cases;
}

/** A route that takes a body gets its accepted body, so the hostile part is the only thing wrong. */
function withBaseBody(ctx: CaseContext, c: FuzzCase): FuzzCase {
  if (ctx.baseBody === undefined || ctx.op.method === 'GET' || ctx.op.method === 'HEAD') return c;
  return { ...c, headers: { ...JSON_TYPE, ...c.headers }, body: JSON.stringify(ctx.baseBody) };
}
