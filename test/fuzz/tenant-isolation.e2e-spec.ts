import { Account, Hub, startHub } from '../harness';
import { Receiver } from '../support/receiver';
import { AccountFixtures } from './account-fixtures';
import { fillPath, loadOperations, Operation } from './openapi-operations';

/**
 * Issue 14 item 4: two accounts, each with one record of every resource (built
 * from openapi.json the way the fuzz suite builds them). For every admin route
 * that names a record, account A naming B's record gets 404, as a missing one
 * would, with a JWT and with an API key, and B's rows stay as they were; no
 * route A can read returns any of B's ids. Public routes (the trigger webhook,
 * unsubscribe links) name capabilities, not records of an account, and are
 * not part of the matrix.
 */
const operations = loadOperations();

/** SPEC §4: the WhatsAble-compatible routes answer 403 for another account's webhook, the one documented exception. */
const expectedForOtherAccount = (op: Operation) => (op.path.startsWith('/api/webhooks/') ? 403 : 404);

/** Routes that name a record: by a path parameter, or by `?id=` (the WhatsAble delete). */
/**
 * Routes naming a record this suite cannot make: a workflow run needs the worker, which this suite does not run (so
 * nothing else changes B's rows). Their cross-account answers are proven where runs exist: test/workflow-run-actions.
 */
const RECORDS_MADE_ELSEWHERE = new Set(['POST /api/workflows/{id}/runs/{runId}/retry', 'POST /api/workflows/{id}/runs/{runId}/cancel']);
const namesRecord = (op: Operation) => op.authenticated && !RECORDS_MADE_ELSEWHERE.has(op.name) && (op.pathParams.length > 0 || op.queryParams.some((p) => p.name === 'id'));

describe('tenant isolation matrix (openapi.json)', () => {
  let hub: Hub;
  let receiver: Receiver;
  const accounts: Record<'a' | 'b', { account: Account; apiKey: string; fixtures: AccountFixtures }> = {} as never;
  let bRowsBefore: string;
  let bIds: Set<string>;

  const tablesWithAccount = async () =>
    (
      await hub.sql<{ name: string; has_id: boolean }>(
        `SELECT c.table_name AS name, bool_or(i.column_name IS NOT NULL) AS has_id
           FROM information_schema.columns c
           LEFT JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
          WHERE c.table_schema = 'public' AND c.column_name = 'account_id'
          GROUP BY c.table_name ORDER BY c.table_name`,
      )
    );
  /** Every row of an account, as text: what another account's requests must leave untouched. */
  const rowsOf = async (accountId: string) => {
    const parts: string[] = [];
    for (const { name } of await tablesWithAccount()) {
      const [row] = await hub.sql<{ rows: string | null }>(`SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS rows FROM "${name}" t WHERE account_id = $1`, [accountId]);
      parts.push(`${name}:\n${row.rows ?? ''}`);
    }
    return parts.join('\n');
  };
  /** Every id of an account's rows (and the account's own id): none may appear in what another account reads. */
  const idsOf = async (accountId: string) => {
    const ids = new Set<string>([accountId]);
    for (const { name, has_id } of await tablesWithAccount()) {
      if (!has_id) continue;
      for (const { id } of await hub.sql<{ id: string }>(`SELECT id::text AS id FROM "${name}" WHERE account_id = $1`, [accountId])) ids.add(id);
    }
    for (const { webhook_id } of await hub.sql<{ webhook_id: string }>('SELECT webhook_id FROM workflows WHERE account_id = $1', [accountId])) ids.add(webhook_id);
    return ids;
  };

  beforeAll(async () => {
    // No worker: nothing changes B's rows but the requests under test.
    hub = await startHub({ roles: { api: true, worker: false } });
    receiver = await new Receiver().start();
    for (const name of ['a', 'b'] as const) {
      const account = await hub.signup();
      const key = await hub.request('POST', '/api/api-keys', { token: account.token, body: { name: `isolation ${name}` } });
      const fixtures = await AccountFixtures.create(operations, (method, path, body) => hub.request(method, path, { token: account.token, body }), { receiverUrl: receiver.url() });
      accounts[name] = { account, apiKey: key.body.key, fixtures };
    }
    bRowsBefore = await rowsOf(accounts.b.account.accountId);
    bIds = await idsOf(accounts.b.account.accountId);
  });

  afterAll(async () => {
    await receiver?.stop();
    await hub?.close();
  });

  const recordRoutes = operations.filter(namesRecord);

  it('covers every admin route that names a record', () => {
    expect(recordRoutes.length).toBeGreaterThan(30);
    for (const op of recordRoutes) {
      if (op.pathParams.length) {
        expect([op.name, accounts.a.fixtures.pathValues(op)]).toEqual([op.name, expect.any(Object)]);
        expect([op.name, accounts.b.fixtures.pathValues(op)]).toEqual([op.name, expect.any(Object)]);
      }
    }
  });

  it.each(recordRoutes.map((op) => [op.name, op] as const))("%s: account A naming B's record gets the answer for a missing one", async (_name, op) => {
    const a = accounts.a;
    const b = accounts.b;
    const requests: { path: string; what: string }[] = [];
    if (op.pathParams.length) {
      const own = a.fixtures.pathValues(op)!;
      const theirs = b.fixtures.pathValues(op)!;
      // One parameter at a time from B (a group of A with a contact of B, and the other way round).
      for (const param of op.pathParams) requests.push({ path: fillPath(op.path, { ...own, [param.name]: theirs[param.name] }), what: `B's ${param.name}` });
    } else {
      const collection = op.path.replace(/\/[^/]+$/, '');
      requests.push({ path: `${op.path}?id=${encodeURIComponent(b.fixtures.idFor(collection)!)}`, what: "B's id" });
    }
    const body = op.method === 'GET' ? undefined : (a.fixtures.exampleBody(op) ?? {});
    if (op.method === 'GET' && op.pathParams.length) {
      // Control: the same request naming A's own record succeeds, so the 404 below is about the owner, not the request.
      const own = await hub.request('GET', fillPath(op.path, a.fixtures.pathValues(op)!), { token: a.account.token });
      expect([`${op.name} with A's own ids`, own.status]).toEqual([`${op.name} with A's own ids`, 200]);
    }
    for (const { path, what } of requests) {
      for (const [mode, token] of [['JWT', a.account.token], ['API key', a.apiKey]]) {
        const res = await hub.request(op.method, path, { token, body });
        expect([`${op.method} ${path} (${what}, ${mode})`, res.status]).toEqual([`${op.method} ${path} (${what}, ${mode})`, expectedForOtherAccount(op)]);
        // An id A sent may be echoed in the error; any other of B's ids is a leak.
        const leaked = [...bIds].filter((id) => res.text.includes(id) && !path.includes(id));
        expect([`${op.method} ${path} (${mode}) answered B's ids`, leaked]).toEqual([`${op.method} ${path} (${mode}) answered B's ids`, []]);
      }
    }
  });

  it("no route A can read returns any of B's ids, filters naming B's records included", async () => {
    const a = accounts.a;
    const theirIds = bIds;
    const reads = operations.filter((op) => op.method === 'GET' && op.authenticated);
    let checked = 0;
    for (const op of reads) {
      const values = op.pathParams.length ? a.fixtures.pathValues(op) : {};
      expect([op.name, values]).toEqual([op.name, expect.any(Object)]);
      const path = fillPath(op.path, values!);
      // Plain, then with each `*_id` filter set to B's record of that kind.
      const queries = [''];
      for (const param of op.queryParams.filter((p) => p.name.endsWith('_id'))) {
        const theirs = accounts.b.fixtures.records.find((r) => r.collection.endsWith(`/${param.name.replace(/_id$/, '')}s`) || r.collection.endsWith(`-${param.name.replace(/_id$/, '')}s`) || r.collection.endsWith(`/${param.name.replace(/_id$/, '')}es`));
        if (theirs) queries.push(`?${param.name}=${theirs.id}`);
      }
      for (const query of queries) {
        for (const token of [a.account.token, a.apiKey]) {
          const res = await hub.request('GET', path + query, { token });
          expect([`${op.name}${query}`, res.status < 500]).toEqual([`${op.name}${query}`, true]);
          const leaked = [...theirIds].filter((id) => res.text.includes(id));
          expect([`${op.name}${query}`, leaked]).toEqual([`${op.name}${query}`, []]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(reads.length);
  });

  it("leaves every row of B as it was", async () => {
    expect(await rowsOf(accounts.b.account.accountId)).toEqual(bRowsBefore);
  });

  it('the fixtures of both accounts were built from the examples', () => {
    // A failure here means an example in openapi.json no longer makes a valid request: the matrix would miss that resource.
    expect(accounts.a.fixtures.failures).toEqual([]);
    expect(accounts.b.fixtures.failures).toEqual([]);
  });
});
