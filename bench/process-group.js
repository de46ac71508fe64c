'use strict';
// Every child process the bench starts, so all of them are stopped at the end,
// on error and on Ctrl-C — each by its own pid, never by name.
const { fork, spawn } = require('node:child_process');
const fs = require('node:fs');

const TAIL_LINES = 40;

class ProcessGroup {
  constructor() {
    /** @type {Map<string, import('node:child_process').ChildProcess & { tail?: string[] }>} */
    this.children = new Map();
  }

  /** A Node script with an IPC channel (receiver, baseline server, load generator). */
  fork(name, file, { env, execArgv } = {}) {
    const child = fork(file, [], { env: { ...process.env, ...env }, execArgv: execArgv ?? [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    return this.track(name, child);
  }

  /** Any command; stdout/stderr kept (last lines) for error reports. */
  spawn(name, command, args, { env, cwd } = {}) {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    return this.track(name, child);
  }

  track(name, child) {
    child.benchName = name;
    child.tail = [];
    const keep = (chunk) => {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        child.tail.push(line);
        if (child.tail.length > TAIL_LINES) child.tail.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.once('exit', () => this.children.delete(name));
    this.children.set(name, child);
    return child;
  }

  /** Last lines a child printed, for a failure message. */
  tailOf(child) {
    return child.tail.length ? child.tail.map((l) => `    ${l}`).join('\n') : '    (no output)';
  }

  /** SIGTERM (graceful: Nest closes, --cpu-prof writes its profile), then SIGKILL after graceMs. */
  async stop(child, graceMs = 10_000) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(timer);
  }

  async stopAll(graceMs) {
    await Promise.all([...this.children.values()].map((child) => this.stop(child, graceMs)));
  }

  /** Last resort from a synchronous 'exit' handler. */
  killAllNow() {
    for (const child of this.children.values()) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
}

/** Peak resident set size (VmHWM) of a live process, in MiB; null when it is gone. */
function peakRssMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Sends a command over IPC and resolves with the reply carrying the same id. */
let nextMessageId = 1;
function ask(child, message, timeoutMs = 30_000) {
  const id = nextMessageId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`${child.benchName} did not answer "${message.cmd}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (reply) => {
      if (!reply || reply.id !== id) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (reply.error) reject(new Error(`${child.benchName}: ${reply.error}`));
      else {
        const { id: _id, ...answer } = reply;
        resolve(answer);
      }
    };
    child.on('message', onMessage);
    child.send({ ...message, id });
  });
}

/** Waits for a forked child's first message of the given type (e.g. "ready"), failing if it exits first. */
function waitForMessage(group, child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${child.benchName} did not report "${type}" within ${timeoutMs} ms\n${group.tailOf(child)}`)), timeoutMs);
    const onMessage = (message) => {
      if (!message || message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${child.benchName} exited (${signal ?? code}) before reporting "${type}"\n${group.tailOf(child)}`));
    });
  });
}

module.exports = { ProcessGroup, peakRssMiB, ask, waitForMessage };
