'use strict';
// Summarises a V8 .cpuprofile (from node --cpu-prof): the functions with the
// most self time, and self time grouped by package / file.
// Usage: node bench/profile-summary.js <file.cpuprofile> [top=25]
const fs = require('node:fs');
const path = require('node:path');

function summarizeProfile(file, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map(); // node id -> µs
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) selfMicros.set(samples[i], (selfMicros.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

  const functions = new Map();
  const packages = new Map();
  for (const [id, micros] of selfMicros) {
    const { callFrame } = byId.get(id);
    const where = callFrame.url ? `${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + micros);
    const group = packageOf(callFrame);
    packages.set(group, (packages.get(group) ?? 0) + micros);
  }
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: micros / 1000, percent: (100 * micros) / total }));
  return { file, totalMs: total / 1000, functions: rank(functions), packages: rank(packages) };
}

function shortUrl(url) {
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm + 'node_modules/'.length);
  const dist = clean.indexOf('/dist/');
  if (dist >= 0) return clean.slice(dist + 1);
  return clean.startsWith('node:') ? clean : path.basename(clean);
}

function packageOf(callFrame) {
  const { url, functionName } = callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8)';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (clean.startsWith('node:')) return 'node core';
  const dist = clean.indexOf('/dist/');
  return dist >= 0 ? `hub ${clean.slice(dist + 1).split('/').slice(1, 3).join('/')}` : clean;
}

function printSummary(summary, top = 25) {
  const lines = [`${summary.file} — ${summary.totalMs.toFixed(0)} ms sampled`, '  self time by function:'];
  for (const f of summary.functions.slice(0, top)) lines.push(`    ${f.percent.toFixed(1).padStart(5)} %  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}`);
  lines.push('  self time by package / module:');
  for (const p of summary.packages.slice(0, 15)) lines.push(`    ${p.percent.toFixed(1).padStart(5)} %  ${p.ms.toFixed(0).padStart(7)} ms  ${p.name}`);
  return lines.join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node bench/profile-summary.js <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(`${printSummary(summarizeProfile(file, Number(top) || 25), Number(top) || 25)}\n`);
}

module.exports = { summarizeProfile, printSummary };
