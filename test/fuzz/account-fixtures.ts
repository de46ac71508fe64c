import { bodyVariants, fillPath, Operation } from './openapi-operations';
import { exampleOf, propertiesOf } from './schema-examples';

export interface CallResult {
  status: number;
  body: any;
  text: string;
}

/** One request as the account (its bearer token is the caller's business). */
export type Caller = (method: string, path: string, body?: unknown) => Promise<CallResult>;

export interface FixtureRecord {
  collection: string;
  id: string;
  /** What the route answered (refreshed on demand), searched for ids such as a workflow's trigger webhook_id. */
  response: any;
  /** The body it was created with. */
  request: unknown;
}

export interface FixtureOptions {
  /** Where every URL of an example body points instead (a local receiver), so endpoint verification succeeds. */
  receiverUrl: string;
  /** Values that replace the examples of the named properties wherever they occur (e.g. known secrets). */
  overrides?: Record<string, unknown>;
}

/** Values the examples cannot carry: a phone number where the route or step is a phone channel. */
const PHONE = '+34612345678';

/**
 * One record of every resource the document lets an account create, built from
 * each POST route's example body (URLs pointed at a local receiver, `*_id`
 * properties at the account's own records), then the records that only exist
 * as the result of an action (deliveries, messages, inbound log entries) found
 * through their list routes. Nothing here names a route: a new resource with a
 * documented POST and `GET …/{id}` gets its fixture the same way.
 */
export class AccountFixtures {
  readonly records: FixtureRecord[] = [];
  /** Successful request bodies by operation name: the base the fuzz suite mutates. */
  readonly acceptedBodies = new Map<string, unknown>();
  /** Operations whose example could not be made to succeed, with the last answer (reported, not fatal). */
  readonly failures: string[] = [];
  readonly collections: string[];

  constructor(
    private readonly operations: Operation[],
    private readonly call: Caller,
    private readonly options: FixtureOptions,
  ) {
    this.collections = collectionsOf(operations);
  }

  static async create(operations: Operation[], call: Caller, options: FixtureOptions): Promise<AccountFixtures> {
    const fixtures = new AccountFixtures(operations, call, options);
    await fixtures.build();
    return fixtures;
  }

  private async build(): Promise<void> {
    const creators = this.operations.filter((op) => op.method === 'POST' && op.authenticated && op.pathParams.length === 0 && op.bodySchema && !op.path.startsWith('/api/auth/'));
    const recordsOf = (op: Operation) => this.collectionOfCreate(op) !== undefined;
    // Records first (channels, groups, endpoints…), in passes until those that reference others resolve; then actions
    // (events, sends) that produce records of their own once endpoints and channels exist.
    let pending = creators.filter(recordsOf).flatMap((op) => bodyVariants(op.bodySchema).map((variant) => ({ op, variant })));
    for (let pass = 0; pass < 4 && pending.length; pass++) {
      const next: typeof pending = [];
      for (const item of pending) if (!(await this.tryCreate(item.op, item.variant, pass === 3))) next.push(item);
      pending = next;
    }
    for (const op of creators.filter((o) => !recordsOf(o))) for (const variant of bodyVariants(op.bodySchema)) await this.tryCreate(op, variant, true);
    // Nested records (group members): POST routes under a record that document 201.
    for (const op of this.operations.filter((o) => o.method === 'POST' && o.authenticated && o.pathParams.length > 0 && o.successStatuses.includes(201))) {
      const values = this.pathValues(op);
      if (values) await this.tryCreate(op, op.bodySchema, true, fillPath(op.path, values));
    }
    // Public inbound routes (the trigger webhook): their calls are what inbound log entries are made of.
    // Not the auth routes: login and signup are no records, and a confirmation needs a token only a mail carries.
    for (const op of this.operations.filter((o) => o.method === 'POST' && !o.authenticated && o.bodySchema && !o.path.startsWith('/api/auth/'))) {
      const values = this.pathValues(op);
      if (values) await this.tryCreate(op, op.bodySchema, true, fillPath(op.path, values));
    }
    // Records made by actions: find one through the collection's list route.
    for (const collection of this.collections.filter((c) => !this.records.some((r) => r.collection === c))) {
      const list = await this.call('GET', collection);
      const items = Array.isArray(list.body) ? list.body : list.body?.items;
      const first = Array.isArray(items) ? items.find((item: any) => typeof item?.id === 'string') : undefined;
      if (first) this.records.push({ collection, id: first.id, response: first, request: undefined });
    }
  }

  /** The collection a POST route adds to: itself (`/api/endpoints`) or its parent (`/api/webhooks/create`). */
  private collectionOfCreate(op: Operation): string | undefined {
    if (this.collections.includes(op.path)) return op.path;
    const parent = op.path.replace(/\/[^/]+$/, '');
    return this.collections.includes(parent) ? parent : undefined;
  }

  /**
   * Tries the example; while the answer is a 400 naming optional properties of it (an example may show two
   * alternatives at once, such as `body` and `template`), drops those and tries again; then only the required
   * properties. `final`: give up and report.
   */
  private async tryCreate(op: Operation, variant: any, final: boolean, path = op.path): Promise<boolean> {
    const hints = hintsOf(path, variant);
    const full = this.substitute(exampleOf(variant, true), hints);
    const minimal = this.substitute(exampleOf(variant, false), hints);
    if (full === UNRESOLVED && minimal === UNRESOLVED && !final) return false;
    const required = new Set(propertiesOf(variant).required);
    let last: CallResult | undefined;
    const attempt = async (body: unknown): Promise<boolean> => {
      last = await this.call(op.method, path, body);
      if (last.status < 200 || last.status >= 300) return false;
      if (!this.acceptedBodies.has(op.name)) this.acceptedBodies.set(op.name, body);
      const collection = this.collectionOfCreate(op);
      const id = last.body?.id ?? last.body?.data?.id;
      if (collection && typeof id === 'string') this.records.push({ collection, id, response: last.body?.data ?? last.body, request: body });
      return true;
    };
    let body = full;
    for (let i = 0; i < 6 && body !== UNRESOLVED; i++) {
      if (await attempt(body)) return true;
      const named = new Set<string>((last?.body?.details ?? []).map((d: { field?: string }) => String(d.field ?? '').split(/[.[]/)[0]));
      if (last?.status !== 400 || !body || typeof body !== 'object') break;
      const kept = Object.fromEntries(Object.entries(body).filter(([k]) => required.has(k) || !named.has(k)));
      if (Object.keys(kept).length === Object.keys(body).length) break;
      body = kept;
    }
    if (minimal !== UNRESOLVED && (await attempt(minimal))) return true;
    // A public route whose credential is a signature or key of a provider's (Meta, Google, the ESPs) refuses any example:
    // nothing to build, no failure. The ESP routes also need a channel of their provider (the fixtures have one email channel).
    const needsProviderCredential = !op.authenticated && (last?.status === 401 || (last?.status === 404 && op.path.startsWith('/api/webhook/email/')));
    if (final && !needsProviderCredential) this.failures.push(`${op.name}: ${last ? `${last.status} ${last.text.slice(0, 300)}` : 'unresolved references'}`);
    return final;
  }

  /** A valid-looking body for any operation: its accepted body when it created a fixture, else its example with this account's ids. */
  exampleBody(op: Operation): unknown {
    if (this.acceptedBodies.has(op.name)) return structuredClone(this.acceptedBodies.get(op.name));
    if (!op.bodySchema) return undefined;
    const body = this.substitute(exampleOf(op.bodySchema, true), hintsOf(op.path, op.bodySchema));
    return body === UNRESOLVED ? exampleOf(op.bodySchema, false) : body;
  }

  /** The account's record of a collection, the one whose `type` a hint names when there are several (channels). */
  idFor(collection: string, hints: string[] = []): string | undefined {
    const records = this.records.filter((r) => r.collection === collection);
    const typed = records.find((r) => hints.includes(String((r.request as any)?.type ?? r.response?.type)));
    return (typed ?? records[0])?.id;
  }

  /** Real ids of this account's records for an operation's path parameters; undefined when one has none. */
  pathValues(op: Operation): Record<string, string> | undefined {
    const values: Record<string, string> = {};
    for (const param of op.pathParams) {
      const value = param.name === 'id' ? this.idFor(op.path.slice(0, op.path.indexOf('/{id}'))) : (this.searchResponses(snakeCase(param.name)) ?? this.idForReference(snakeCase(param.name), hintsOf(op.path, undefined)));
      if (value === undefined) return undefined;
      values[param.name] = value;
    }
    return values;
  }

  /** Re-reads every record through its `GET …/{id}` route, so values that actions change (a rotated trigger id) are current. */
  async refresh(): Promise<void> {
    for (const record of this.records) {
      const res = await this.call('GET', `${record.collection}/${record.id}`);
      if (res.status === 200) record.response = res.body;
    }
  }

  /** The account's record for a `<name>_id` property: the collection whose last segment is the plural of name. */
  private idForReference(key: string, hints: string[]): string | undefined {
    const match = /^(.+)_id$/.exec(key);
    if (!match) return undefined;
    const singular = match[1].replace(/_/g, '-');
    const collection = this.collections.find((c) => {
      const last = c.slice(c.lastIndexOf('/') + 1);
      return last === `${singular}s` || last === `${singular}es` || last.endsWith(`-${singular}s`) || last.endsWith(`-${singular}es`);
    });
    return collection ? this.idFor(collection, hints) : undefined;
  }

  private searchResponses(key: string): string | undefined {
    for (const record of this.records) {
      const found = findKey(record.response, key);
      if (typeof found === 'string') return found;
    }
    return undefined;
  }

  /** Points an example at this account: URLs at the receiver, `*_id` strings at its records, overrides applied. */
  private substitute(value: unknown, hints: string[], key?: string): unknown {
    if (key !== undefined && this.options.overrides && key in this.options.overrides) return structuredClone(this.options.overrides[key]);
    if (Array.isArray(value)) {
      const out = value.map((v) => this.substitute(v, hints));
      return out.includes(UNRESOLVED) ? UNRESOLVED : out;
    }
    if (value && typeof value === 'object') {
      const own = typeof (value as any).type === 'string' ? [...hints, ...String((value as any).type).split(/[_.]/)] : hints;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const substituted = this.substitute(v, own, k);
        if (substituted === UNRESOLVED) return UNRESOLVED;
        out[k] = substituted;
      }
      return out;
    }
    if (typeof value !== 'string' || key === undefined) return value;
    if (/^https?:\/\//.test(value)) return this.options.receiverUrl;
    if (key === 'to' && hints.some((h) => h === 'sms' || h === 'whatsapp')) return PHONE;
    if (/_id$/.test(key) && UUID.test(value)) return this.idForReference(key, hints) ?? this.searchResponses(key) ?? UNRESOLVED;
    return value;
  }
}

const UNRESOLVED = Symbol('unresolved reference');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Collections: the prefix of every `…/{id}` route, and the parent of a route that takes its record id as `?id=`. */
export function collectionsOf(operations: Operation[]): string[] {
  const out = new Set<string>();
  for (const op of operations) {
    const match = /^([^{}]*)\/\{id\}/.exec(op.path);
    if (match) out.add(match[1]);
    if (op.pathParams.length === 0 && op.queryParams.some((p) => p.name === 'id')) out.add(op.path.replace(/\/[^/]+$/, ''));
  }
  return [...out];
}

function hintsOf(path: string, schema: any): string[] {
  const type = schema?.properties?.type?.enum?.[0] ?? schema?.properties?.type?.example;
  return [...path.split(/[/_-]/).filter(Boolean), ...(typeof type === 'string' ? [type] : [])];
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function findKey(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object') return undefined;
  if (!Array.isArray(value) && key in value && (value as any)[key] !== null) return (value as any)[key];
  for (const v of Object.values(value)) {
    const found = findKey(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}
