import { Injectable } from '@nestjs/common';
import { OneTimeMarks } from './one-time-marks';

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
export class ReplayMarks extends OneTimeMarks<ReplayMark> {}
