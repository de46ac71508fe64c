import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** Which logged request a replay repeats, and whose it is. */
export interface ReplayMark {
  logId: string;
  accountId: string | null;
}

/**
 * How the hub tells its own replays from client requests. The replayer sends
 * the stored request through the route in this process (fastify.inject) with
 * a one-time random token in REPLAY_HEADER; the inbound log honours only a
 * token issued here and not yet used. A client that sends the header (with a
 * log id, or anything else) is an ordinary request: it is logged under no
 * other account and marks nothing as a replay.
 */
@Injectable()
export class ReplayMarks {
  private readonly pending = new Map<string, ReplayMark>();

  issue(mark: ReplayMark): string {
    const token = randomBytes(24).toString('base64url');
    this.pending.set(token, mark);
    return token;
  }

  /** The mark of a token issued here, once; undefined for anything else. */
  take(token: unknown): ReplayMark | undefined {
    if (typeof token !== 'string') return undefined;
    const mark = this.pending.get(token);
    this.pending.delete(token);
    return mark;
  }

  /** Forgets a token whose request never reached the log. */
  revoke(token: string): void {
    this.pending.delete(token);
  }
}
