/**
 * When may an endpoint form be saved? Only once every URL it would send to
 * that is new or changed has passed a test send. A URL the saved endpoint
 * already sends to needs no new test; a URL whose latest test failed, or that
 * was edited after its test (and so is a different string), is untested.
 */

/** The latest test of one URL: whether it passed and, when it failed, what the receiver did ("answered HTTP 500"). */
export interface UrlTestOutcome {
  ok: boolean;
  failure?: string;
}

export interface SaveGateInput {
  /** Every URL the form would save (common URL and per-event URLs), as typed. */
  urls: readonly string[];
  /** The latest test per URL (trimmed), passed or failed. */
  lastTests: Readonly<Record<string, UrlTestOutcome | undefined>>;
  /** URLs the saved endpoint already sends to (editing); empty for a new endpoint. */
  savedUrls?: readonly string[];
}

export interface SaveGate {
  canSave: boolean;
  /** URLs still to pass a test, each once, in form order (failed ones included). */
  untested: string[];
  /** Of those, the ones whose latest test failed, with what went wrong: the real blocker. */
  failed: { url: string; failure: string }[];
}

/** A form with no URL at all cannot be saved either: there is nothing to send to. */
export function saveGate({ urls, lastTests, savedUrls = [] }: SaveGateInput): SaveGate {
  const saved = new Set(savedUrls.map((url) => url.trim()));
  const untested: string[] = [];
  const failed: SaveGate['failed'] = [];
  let any = false;
  for (const raw of urls) {
    const url = raw.trim();
    if (!url) continue;
    any = true;
    if (saved.has(url) || untested.includes(url)) continue;
    const last = lastTests[url];
    if (last?.ok === true) continue;
    untested.push(url);
    if (last) failed.push({ url, failure: last.failure ?? 'failed its test' });
  }
  return { canSave: any && untested.length === 0, untested, failed };
}

/**
 * Why Save is disabled, in words; null when it is not. A failed test is the
 * blocker to name ("https://…/bounced answered HTTP 500."), not "test it first".
 */
export function saveGateReason(gate: SaveGate): string | null {
  if (gate.canSave) return null;
  const [failure, ...moreFailures] = gate.failed;
  if (failure) {
    const more = moreFailures.length > 0 ? ` (and ${moreFailures.length} more URL${moreFailures.length === 1 ? '' : 's'} failed)` : '';
    return `${failure.url} ${failure.failure}${more}.`;
  }
  if (gate.untested.length === 0) return 'Enter a URL and test it first.';
  const [first, ...rest] = gate.untested;
  if (rest.length === 0) return `Test ${first} first.`;
  return `Test ${gate.untested.slice(0, -1).join(', ')} and ${gate.untested.at(-1)} first.`;
}
