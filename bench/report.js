'use strict';
// The one printed table and the JSON file with the same figures, plus the
// machine and the git commit they were measured on.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(__dirname, 'results');

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model?.trim() ?? 'unknown',
    memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    load_average: os.loadavg().map((n) => Math.round(n * 100) / 100), // 1, 5, 15 min: anything else running skews the figures
  };
}

function git() {
  const run = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const commit = run('rev-parse', 'HEAD');
  const status = run('status', '--porcelain');
  return { commit, uncommitted_changes: status === null ? null : status.split('\n').filter(Boolean).length };
}

// ---- formatting --------------------------------------------------------------------------

const int = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en-US'));
const ms = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));
const mib = (n) => (n === null || n === undefined ? '—' : `${Math.round(n)} MB`);
const ratio = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(2)}×`);

/** "<target>: met" / "not met" / "n/a" — information only, never a failure. */
function target(text, met) {
  if (met === null || met === undefined) return `${text}: n/a`;
  return `${text}: ${met ? 'met' : 'not met'}`;
}

function renderTable(rows) {
  const header = ['figure', 'value', 'target', 'baseline (same run)'];
  const cells = rows.map((row) => [row.figure, row.value, row.target ?? '—', row.baseline ?? '—']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

function isoBasic(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z'); // 20251124T141700Z (ISO 8601 basic format)
}

function writeJson(startedAt, document) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${isoBasic(startedAt)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

module.exports = { machine, git, renderTable, writeJson, isoBasic, target, int, ms, mib, ratio };
