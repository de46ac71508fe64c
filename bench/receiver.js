'use strict';
// The webhook receiver, in its own process: node:http on 127.0.0.1, answers
// 204 to everything, and records for each request the receipt time, the
// envelope's `timestamp` (the event's created_at) and `webhook-id`. Requests
// are grouped by `data.bench_phase` of the envelope, so late deliveries of one
// phase never count in another. The orchestrator asks for figures over IPC.
const http = require('node:http');
const { summarize } = require('./stats');

const now = () => performance.timeOrigin + performance.now(); // epoch ms, sub-ms resolution

/** phase -> { received, ids:Set, duplicates, firstAt, lastAt, latencies:number[], paths:Map, badBodies, unsigned } */
const phases = new Map();

function phaseRecord(name) {
  let record = phases.get(name);
  if (!record) {
    record = { received: 0, ids: new Set(), duplicates: 0, firstAt: null, lastAt: null, latencies: [], paths: new Map(), unsigned: 0 };
    phases.set(name, record);
  }
  return record;
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const at = now();
    let envelope = null;
    try {
      envelope = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      /* counted under "unparsed" */
    }
    const record = phaseRecord(envelope?.data?.bench_phase ?? (envelope ? 'other' : 'unparsed'));
    record.received++;
    if (record.firstAt === null) record.firstAt = at;
    record.lastAt = at;
    const id = req.headers['webhook-id'] ?? envelope?.id;
    if (id) {
      if (record.ids.has(id + req.url)) record.duplicates++;
      else record.ids.add(id + req.url);
    }
    if (!req.headers['webhook-signature']) record.unsigned++;
    const created = Date.parse(envelope?.timestamp ?? '');
    if (!Number.isNaN(created)) record.latencies.push(at - created);
    record.paths.set(req.url, (record.paths.get(req.url) ?? 0) + 1);
    res.writeHead(204);
    res.end();
  });
});
server.keepAliveTimeout = 30_000;

function stats(phase) {
  const record = phases.get(phase);
  if (!record) return { phase, received: 0, unique: 0, duplicates: 0, firstAt: null, lastAt: null, latencyMs: summarize([]), paths: 0, minPerPath: 0, maxPerPath: 0, unsigned: 0 };
  const perPath = [...record.paths.values()];
  return {
    phase,
    received: record.received,
    unique: record.ids.size,
    duplicates: record.duplicates,
    firstAt: record.firstAt,
    lastAt: record.lastAt,
    latencyMs: summarize(record.latencies),
    paths: record.paths.size,
    minPerPath: Math.min(...perPath),
    maxPerPath: Math.max(...perPath),
    unsigned: record.unsigned,
  };
}

process.on('message', (message) => {
  if (message.cmd === 'stats') process.send({ id: message.id, ...stats(message.phase) });
  else if (message.cmd === 'phases') process.send({ id: message.id, phases: [...phases.keys()].map((name) => ({ name, received: phases.get(name).received })) });
  else process.send({ id: message.id, error: `unknown command ${message.cmd}` });
});
process.on('disconnect', () => process.exit(0)); // the orchestrator is gone

server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
