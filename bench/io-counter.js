'use strict';
// Opt-in diagnostic (BENCH_COUNT_IO=1), preloaded into the api and the worker
// with --require: counts PostgreSQL queries (pg Client#query, which TypeORM
// and pg Pool go through, BEGIN/COMMIT included) and Redis commands (ioredis
// Redis#sendCommand, which Bull goes through) and keeps the running totals in
// BENCH_IO_COUNTER_FILE, so the bench can tell round trips per request /
// event / delivery. Two counter increments per call; no behaviour changes.
const fs = require('node:fs');
const Module = require('node:module');

const file = process.env.BENCH_IO_COUNTER_FILE;
if (file) {
  const counts = { pg: 0, redis: 0 };
  const originalLoad = Module._load;
  let pgPatched = false;
  let redisPatched = false;
  Module._load = function load(request, ...rest) {
    const exported = originalLoad.call(this, request, ...rest);
    if (request === 'pg' && !pgPatched && exported?.Client?.prototype?.query) {
      pgPatched = true;
      const query = exported.Client.prototype.query;
      exported.Client.prototype.query = function countedQuery(...args) {
        counts.pg++;
        return query.apply(this, args);
      };
    }
    if (request === 'ioredis' && !redisPatched) {
      const Redis = exported?.default ?? exported;
      if (Redis?.prototype?.sendCommand) {
        redisPatched = true;
        const sendCommand = Redis.prototype.sendCommand;
        Redis.prototype.sendCommand = function countedCommand(...args) {
          counts.redis++;
          return sendCommand.apply(this, args);
        };
      }
    }
    return exported;
  };
  const write = () => {
    try {
      fs.writeFileSync(file, JSON.stringify({ at: Date.now(), ...counts }));
    } catch {
      /* the bench reads what is there */
    }
  };
  setInterval(write, 100).unref();
  process.on('exit', write);
}
