'use strict';
// Where a phase's CPU went: user + system time from /proc of the hub's
// processes (by pid), of every PostgreSQL and Redis server process (by name,
// backends included) and of the whole machine, between two snapshots. Linux
// only; elsewhere every figure is null.
const fs = require('node:fs');

const TICKS_PER_SECOND = 100; // USER_HZ: /proc reports CPU time in these on Linux
const SERVICES = { postgres: 'postgres', redis: 'redis-server' };

/** CPU ms of one process, or null when it is gone / not Linux. */
function processCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return null;
  }
}

/** CPU ms of every process whose name is one of the services', summed per service. */
function servicesCpuMs() {
  const totals = Object.fromEntries(Object.keys(SERVICES).map((key) => [key, 0]));
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return Object.fromEntries(Object.keys(SERVICES).map((key) => [key, null]));
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    for (const [key, comm] of Object.entries(SERVICES)) {
      if (name === comm) {
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime + stime, plus cutime + cstime: a PostgreSQL backend that ends during a phase leaves its CPU in the
        // postmaster's children's time, so the sum never goes backwards.
        totals[key] += ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
      }
    }
  }
  return totals;
}

/** Busy CPU ms of the whole machine (all cores), from /proc/stat. */
function machineBusyMs() {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal = 0] = ticks; // idle and iowait are not busy
    return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU ms of a pid, or the sum over several (a role run as several processes); null when none is alive. */
function cpuMsOf(pids) {
  const alive = [].concat(pids ?? []).filter(Boolean).map(processCpuMs).filter((ms) => ms !== null);
  return alive.length ? alive.reduce((sum, ms) => sum + ms, 0) : null;
}

/**
 * A snapshot of the named processes ({api: pid or [pids], …}), the services
 * and the machine. A role's processes are read again at each snapshot: one
 * that exited in between drops out of the sum (its CPU is lost to the row).
 */
function snapshot(pids) {
  const processes = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMsOf(pid)]));
  return { at: Date.now(), processes, services: servicesCpuMs(), machine: machineBusyMs() };
}

/** CPU ms spent between two snapshots, per process / service, plus the machine's busy share of its cores. */
function delta(before, after, cores) {
  const diff = (a, b) => (a === null || b === null || a === undefined || b === undefined ? null : b - a);
  const spent = {};
  for (const name of Object.keys(after.processes)) spent[name] = diff(before.processes[name], after.processes[name]);
  for (const name of Object.keys(after.services)) spent[name] = diff(before.services[name], after.services[name]);
  const wallMs = after.at - before.at;
  const machine = diff(before.machine, after.machine);
  return { wallMs, cpuMs: spent, machineMs: machine, machineBusyShare: machine === null ? null : machine / (wallMs * cores) };
}

module.exports = { snapshot, delta };
