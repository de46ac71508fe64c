import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const API_MAIN = join(__dirname, '../dist/apps/api/src/main.js');

/** What a person sees when the hub cannot start: one line that says what to do, exit code 1. */
function start(env: Record<string, string>) {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [API_MAIN], {
    env: { PATH: process.env.PATH, DEV_SECRETS_FILE: '/tmp/webhook-hub-startup-test/dev-secrets.json', ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

describe('startup failures', () => {
  it('names a bad setting in one line', () => {
    const run = start({ PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('Invalid configuration: PORT — PORT must be an integer number');
  });

  it('says PostgreSQL is not answering and how to start it', () => {
    const run = start({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:5999/hub' });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Cannot connect to PostgreSQL at postgres://postgres:***@127.0.0.1:5999/hub');
    expect(run.stderr).toContain('docker compose up -d postgres redis');
    expect(run.stderr).not.toContain('secret');
  });

  it('says Redis is not answering and how to start it', () => {
    const run = start({ REDIS_URL: 'redis://127.0.0.1:6999' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Cannot connect to Redis at redis:\/\/127\.0\.0\.1:6999 .*docker compose up -d postgres redis/);
  });
});
