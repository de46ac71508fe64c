import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

// ulid's default source asks crypto for one byte per character (16 calls per id, on the publish path);
// drawing from a pooled buffer keeps the same CSPRNG at a fraction of the cost.
const pool = Buffer.alloc(4096);
let next = pool.length;

function pooledRandom(): number {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++] / 0x100;
}

export function newEventId(): string {
  return `evt_${ulid(undefined, pooledRandom)}`;
}
