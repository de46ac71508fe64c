/**
 * What a request may carry that no handler can store or safely walk: the pure
 * checks behind the request guard. One walk of the parsed body finds both the
 * nesting depth and the first string PostgreSQL cannot store (text and jsonb
 * refuse the NUL character; UTF-8 has no encoding for a lone UTF-16
 * surrogate), and allocates nothing unless it finds one.
 */

/** Deeper than any payload a sender or the admin app builds; deep enough that walking it costs nothing. */
export const MAX_JSON_DEPTH = 32;

export type InputProblem =
  | { kind: 'depth' }
  | { kind: 'nul'; path: string }
  | { kind: 'surrogate'; path: string; unit: string };

type Found = { kind: 'depth' } | { kind: 'nul' | 'surrogate'; segments: (string | number)[]; unit?: string };

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;
const MAX_SEGMENT_CHARS = 100;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The unstorable character of a string, or null. Both tests are native scans; most strings pass the first two. */
function badString(text: string): { kind: 'nul' | 'surrogate'; unit?: string } | null {
  if (text.includes('\u0000')) return { kind: 'nul' };
  if ((text as string & { isWellFormed(): boolean }).isWellFormed()) return null;
  const unit = LONE_SURROGATE.exec(text)?.[0] ?? '\ud800';
  return { kind: 'surrogate', unit: `\\u${unit.charCodeAt(0).toString(16)}` };
}

function visit(value: unknown, depth: number): Found | null {
  if (typeof value === 'string') {
    const bad = badString(value);
    return bad ? { ...bad, segments: [] } : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth > MAX_JSON_DEPTH) return { kind: 'depth' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = visit(value[i], depth + 1);
      if (found) return prefixed(found, i);
    }
    return null;
  }
  for (const key in value) {
    const badKey = badString(key);
    if (badKey) return { ...badKey, segments: [key] };
    const found = visit((value as Record<string, unknown>)[key], depth + 1);
    if (found) return prefixed(found, key);
  }
  return null;
}

function prefixed(found: Found, segment: string | number): Found {
  if (found.kind !== 'depth') found.segments.unshift(segment);
  return found;
}

/** `custom_fields.note[1]`; a key that is not plain is quoted with its bad characters escaped, so the path itself is storable. */
export function fieldPath(segments: (string | number)[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += `${path ? '.' : ''}${segment.slice(0, MAX_SEGMENT_CHARS)}`;
    else path += `[${JSON.stringify(segment.slice(0, MAX_SEGMENT_CHARS))}]`;
  }
  return path || '(body)';
}

/** The first problem of a parsed body (JSON value, form fields or text), or null when every handler can take it. */
export function scanBody(body: unknown): InputProblem | null {
  const found = visit(body, 1);
  if (!found) return null;
  if (found.kind === 'depth') return found;
  const path = fieldPath(found.segments);
  return found.kind === 'nul' ? { kind: 'nul', path } : { kind: 'surrogate', path, unit: found.unit ?? '' };
}

/** The first path parameter holding an unstorable character, or null. */
export function scanParams(params: unknown): InputProblem | null {
  if (typeof params !== 'object' || params === null) return null;
  for (const [name, value] of Object.entries(params)) {
    const bad = typeof value === 'string' ? badString(value) : null;
    if (bad) return bad.kind === 'nul' ? { kind: 'nul', path: fieldPath([name]) } : { kind: 'surrogate', path: fieldPath([name]), unit: bad.unit ?? '' };
  }
  return null;
}

/**
 * The name of the first query parameter that is not valid percent-encoded
 * UTF-8 (a stray `%`, bytes that are not UTF-8, an encoded surrogate) or
 * decodes to a NUL, or null. The query parser leaves undecodable values as
 * their raw text, so they would reach handlers and SQL as garbage. Only pairs
 * with a `%` are decoded: most requests have none.
 */
export function badQueryParameter(url: string): string | null {
  const start = url.indexOf('?');
  if (start < 0 || url.indexOf('%', start) < 0) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    if (!pair.includes('%')) continue;
    const [rawName] = pair.split('=', 1);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pair);
    } catch {
      return nameOf(rawName);
    }
    if (decoded.includes('\u0000')) return nameOf(rawName);
  }
  return null;
}

function nameOf(rawName: string): string {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName.replaceAll('+', ' '));
  } catch {
    // the name itself is broken: show it as sent
  }
  return fieldPath([name]);
}

/** The words of an answer for a problem (field paths are storable, so the inbound log can keep them). */
export function problemMessage(problem: InputProblem): string {
  if (problem.kind === 'depth') return `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`;
  if (problem.kind === 'nul') return `${problem.path} must not contain the NUL character (\\u0000)`;
  return `${problem.path} contains a lone UTF-16 surrogate (${problem.unit}), which cannot be stored`;
}
