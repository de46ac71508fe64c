import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import * as argon2 from 'argon2';
import pLimit from 'p-limit';

/** Password checks allowed to wait for a lane; past this the caller gets 503 at once instead of a long wait. */
const MAX_WAITING = 100;

/**
 * argon2 runs on libuv's threadpool (4 threads by default), which DNS lookups
 * of webhook sends and file reads share. Unbounded, 60 concurrent signups
 * filled it and a login waited behind every one of them (8 s). So hashing
 * runs in lanes: new passwords (signup, the first admin) one at a time, login
 * checks two at a time, which leaves a thread free for everything else and
 * keeps a login from queueing behind signups.
 */
@Injectable()
export class PasswordHasher {
  private readonly hashLane = pLimit(1);
  private readonly verifyLane = pLimit(2);

  hash(password: string): Promise<string> {
    return this.inLane(this.hashLane, () => argon2.hash(password, { type: argon2.argon2id }));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.inLane(this.verifyLane, () => argon2.verify(hash, password).catch(() => false));
  }

  private async inLane<T>(lane: pLimit.Limit, work: () => Promise<T>): Promise<T> {
    if (lane.pendingCount >= MAX_WAITING) throw new ServiceUnavailableException('Too many password checks are waiting; try again in a few seconds');
    return lane(work);
  }
}
