import cluster, { Worker } from 'node:cluster';
import { RestartBackoff } from './restart-backoff';

export type Role = 'api' | 'worker';

export interface SupervisorOptions {
  processes: Record<Role, number>;
  /** The built entrypoint each role runs (dist/apps/<role>/src/main.js). */
  entry: Record<Role, string>;
  execArgv: string[];
  /** Added to the children's environment (on top of the supervisor's own). */
  env: Record<string, string>;
  shutdownTimeoutMs: number;
  log: (line: string) => void;
  /** Called once, when every process has said it is ready for the first time. */
  onReady: () => void;
  /** Called when a role cannot be kept up; the supervisor has stopped the rest. */
  onGiveUp: () => void;
}

interface Slot {
  role: Role;
  n: number;
  backoff: RestartBackoff;
  process?: Worker;
  startedAt: number;
  ready: boolean;
  restartTimer?: NodeJS.Timeout;
}

// A child gets the shutdown bound, plus this for closing pools and flushing logs, before SIGKILL.
const KILL_GRACE_MS = 5000;
const READY = 'hub:ready';

/**
 * Keeps the hub's processes up: `processes.api` api processes sharing the port
 * (Node's cluster: this process accepts connections and hands them out in
 * turn) and `processes.worker` workers. A process that dies is restarted with
 * backoff; one that cannot start before the hub was ever up, or keeps dying,
 * stops the hub (onGiveUp). stop() sends SIGTERM to every process and waits
 * for their graceful shutdown.
 */
export class Supervisor {
  private readonly slots: Slot[] = [];
  private stopping?: Promise<boolean>;
  private up = false;

  constructor(private readonly options: SupervisorOptions) {
    for (const role of ['api', 'worker'] as const) {
      for (let n = 1; n <= options.processes[role]; n++) this.slots.push({ role, n, backoff: new RestartBackoff(), startedAt: 0, ready: false });
    }
  }

  start(): void {
    for (const slot of this.slots) this.fork(slot);
  }

  /** Pids of the running processes, by role. */
  pids(): Record<Role, number[]> {
    const pids: Record<Role, number[]> = { api: [], worker: [] };
    for (const slot of this.slots) if (slot.process?.process.pid) pids[slot.role].push(slot.process.process.pid);
    return pids;
  }

  /** SIGTERM to every process; resolves true when all exited 0 within the bound (the rest get SIGKILL). */
  stop(): Promise<boolean> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  /** A second Ctrl-C: no more waiting. */
  killNow(): void {
    for (const slot of this.slots) slot.process?.process.kill('SIGKILL');
  }

  private async stopAll(): Promise<boolean> {
    for (const slot of this.slots) clearTimeout(slot.restartTimer);
    const running = this.slots.map((slot) => slot.process).filter((child): child is Worker => child !== undefined && !child.isDead());
    const exits = running.map(
      (child) =>
        new Promise<boolean>((resolve) => {
          const kill = setTimeout(() => child.process.kill('SIGKILL'), this.options.shutdownTimeoutMs + KILL_GRACE_MS);
          child.once('exit', (code) => {
            clearTimeout(kill);
            resolve(code === 0);
          });
          child.process.kill('SIGTERM');
        }),
    );
    return (await Promise.all(exits)).every(Boolean);
  }

  private fork(slot: Slot): void {
    cluster.setupPrimary({ exec: this.options.entry[slot.role], execArgv: this.options.execArgv });
    const child = cluster.fork(this.options.env);
    slot.process = child;
    slot.startedAt = Date.now();
    slot.ready = false;
    child.on('message', (message: { type?: string }) => {
      if (message?.type !== READY) return;
      slot.ready = true;
      if (!this.up && this.slots.every((s) => s.ready)) {
        this.up = true;
        this.options.onReady();
      }
    });
    child.once('exit', (code, signal) => this.exited(slot, child, code, signal));
  }

  private exited(slot: Slot, child: Worker, code: number | null, signal: string | null): void {
    if (slot.process !== child) return;
    slot.process = undefined;
    if (this.stopping) return;
    const name = `${slot.role} process ${slot.n} (pid ${child.process.pid})`;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const lived = Date.now() - slot.startedAt;
    const delay = this.up || slot.ready ? slot.backoff.afterExit(lived) : null;
    if (delay === null) {
      this.options.log(`${name} exited with ${how}${this.up ? ' and keeps dying' : ' before the hub was up'}: stopping the hub`);
      void this.stop().then(() => this.options.onGiveUp());
      return;
    }
    slot.ready = false;
    this.options.log(`${name} exited with ${how} after ${(lived / 1000).toFixed(1)} s; starting it again in ${delay / 1000} s`);
    slot.restartTimer = setTimeout(() => this.fork(slot), delay);
  }
}
