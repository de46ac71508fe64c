import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SUPERVISOR_MAIN = join(__dirname, '../../dist/apps/supervisor/src/main.js');

/**
 * `npm start` as a user runs it: the built supervisor, in a process group of
 * its own so the test can press Ctrl-C (SIGINT to the whole group).
 */
export class SupervisorProcess {
  private child?: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private resolveExit!: (value: { code: number | null; signal: NodeJS.Signals | null }) => void;

  constructor(private readonly env: Record<string, string>) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  start(): this {
    if (!existsSync(SUPERVISOR_MAIN)) throw new Error(`${SUPERVISOR_MAIN} is missing: run \`npm run build:api\` before the resilience tests`);
    this.child = spawn(process.execPath, [SUPERVISOR_MAIN], { env: { PATH: process.env.PATH, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.once('exit', (code, signal) => this.resolveExit({ code, signal }));
    return this;
  }

  get pid(): number {
    return this.child!.pid!;
  }

  /** Resolves once the output matches `pattern` (fails after timeoutMs or when the supervisor exits). */
  async waitForOutput(pattern: RegExp, timeoutMs = 60000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (this.child!.exitCode !== null) throw new Error(`supervisor exited (${this.child!.exitCode}) before ${pattern}:\n${this.output}`);
      if (Date.now() > until) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The supervisor's live children by role, read from /proc (ppid and command line). */
  children(): { api: number[]; worker: number[] } {
    const found = { api: [] as number[], worker: [] as number[] };
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== this.pid) continue;
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (cmdline.includes('apps/api/src/main.js')) found.api.push(Number(entry));
        else if (cmdline.includes('apps/worker/src/main.js')) found.worker.push(Number(entry));
      } catch {
        // exited meanwhile
      }
    }
    return found;
  }

  /** Ctrl-C in the terminal: SIGINT to the supervisor and its children at once. */
  pressCtrlC(): void {
    process.kill(-this.pid, 'SIGINT');
  }

  /** Last resort for afterAll: the whole group. */
  killAll(): void {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
