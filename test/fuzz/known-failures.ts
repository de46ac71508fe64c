/**
 * The one allow-list of the generated suites: failures they find today that
 * are known and being fixed, each with the issue item it belongs to. A failure
 * the suites find that matches no entry fails the run; an entry that no longer
 * matches anything is printed as stale at the end of the fuzz suite, so it can
 * be removed once the fix lands (and must be, to keep the suite honest).
 */
export interface KnownFailure {
  /** Where it is tracked, e.g. "issue 14 item 1: body depth". */
  item: string;
  /** `METHOD /documented/path` names, or '*' for every route. */
  routes: string[] | '*';
  /** Case classes (FuzzCase.kind), or '*' for every class. */
  kinds: string[] | '*';
  /** What went wrong: '5xx', 'hang', 'partial-write', 'error-shape', 'connection'. */
  failures: FailureType[];
}

export type FailureType = '5xx' | 'hang' | 'partial-write' | 'error-shape' | 'connection' | 'auth-bypass';

export interface FoundFailure {
  route: string;
  kind: string;
  failure: FailureType;
  /** Auth mode, case detail, status and answer, for the report. */
  description: string;
}

export const KNOWN_FAILURES: KnownFailure[] = [];

const used = new Set<KnownFailure>();

export function knownFailureFor(found: FoundFailure): KnownFailure | undefined {
  const entry = KNOWN_FAILURES.find(
    (k) => (k.routes === '*' || k.routes.includes(found.route)) && (k.kinds === '*' || k.kinds.includes(found.kind)) && k.failures.includes(found.failure),
  );
  if (entry) used.add(entry);
  return entry;
}

/** Entries that matched nothing in this run (only meaningful after a full run of the fuzz suite). */
export function staleKnownFailures(): KnownFailure[] {
  return KNOWN_FAILURES.filter((k) => !used.has(k));
}
