import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// scripts/check-table-owners.js, run as `npm run lint` runs it, against small trees of libs written here.
const SCRIPT = join(__dirname, '..', 'scripts', 'check-table-owners.js');

function check(root: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('check-table-owners', () => {
  let root: string;

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'table-owners-'));
    write('libs/events/src/store/event.entity.ts', "@Entity('events')\n@Index('x', ['created_at'])\nexport class HubEvent {}\n");
    write('libs/channels/src/channel.entity.ts', "@Entity('channels')\nexport class Channel {}\n");
    write('libs/events/src/store/event-store.ts', 'export const SQL = `UPDATE events SET dispatched_at = now() WHERE id = $1`;\n');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("passes when each lib's SQL names only its own tables", () => {
    write('libs/subscriptions/src/fan-out.ts', "// Comments may say INSERT INTO events: they are not SQL.\nconst label = 'events';\nexport const x = `SELECT 1 FROM deliveries`;\n");
    expect(check(root)).toEqual({ status: 0, output: expect.stringContaining('2 tables, each used in SQL by its owner only') });
  });

  it("fails naming file, line, table and owner for another lib's table in a string or template", () => {
    write(
      'libs/subscriptions/src/delivery/dispatcher.ts',
      [
        "import { x } from './x';",
        'const DISPATCH = `WITH ev AS (',
        '    SELECT id FROM "events" WHERE dispatched_at IS NULL',
        `  ), d AS (\${x('ev')})`,
        '  UPDATE deliveries SET status = $1`;',
        "const lookup = 'SELECT type FROM channels WHERE id = $1';",
      ].join('\n'),
    );
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain('libs/subscriptions/src/delivery/dispatcher.ts:3: table "events" belongs to libs/events');
    expect(output).toContain('libs/subscriptions/src/delivery/dispatcher.ts:6: table "channels" belongs to libs/channels');
    expect(output).toContain("2 use(s) of another lib's table");
    expect(output).not.toContain('deliveries');
  });

  it("fails on another lib's table given to a query builder, and ignores specs", () => {
    write('libs/automation/src/reader.ts', "export const q = (qb: any) => qb\n  .from('channels', 'c');\n");
    write('libs/automation/src/reader.spec.ts', "const seed = 'INSERT INTO channels (id) VALUES ($1)';\n");
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain('libs/automation/src/reader.ts:2: table "channels" belongs to libs/channels');
    expect(output).not.toContain('reader.spec.ts');
  });

  it('fails on any table in an app: apps own none', () => {
    write('apps/worker/src/main.ts', "export const q = 'DELETE FROM events WHERE created_at < $1';\n");
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain('apps/worker/src/main.ts:1: table "events" belongs to libs/events; apps/worker must use');
  });

  it('is not fooled by quotes inside regular expressions or nested templates', () => {
    write('libs/http/src/odd.ts', "const quote = /'/g;\nexport const a = `${`inner ${'x'}`} INSERT INTO events`;\nconst b = 'ok';\n");
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain('libs/http/src/odd.ts:2: table "events" belongs to libs/events');
  });

  it('passes on this repository', () => {
    expect(check(join(__dirname, '..'))).toEqual({ status: 0, output: expect.stringContaining('used in SQL by its owner only') });
  });
});
