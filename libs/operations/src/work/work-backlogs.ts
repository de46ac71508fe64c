import { Injectable } from '@nestjs/common';

/** Backlog counts stop here: past it, "at least this many" is the answer an admin needs, and counting further costs seconds. */
export const BACKLOG_COUNT_CAP = 10_000;

/** One account's waiting work of one kind. */
export interface Backlog {
  /** Rows not done yet: due now, or waiting for a scheduled retry (at most BACKLOG_COUNT_CAP). */
  pending: number;
  /** Of those, due now (queue depth: what workers have yet to pick up; at most BACKLOG_COUNT_CAP). */
  due: number;
  /** The counts reached BACKLOG_COUNT_CAP: there may be more. */
  capped: boolean;
  /** When the longest-waiting due row became due; null when none is due. */
  oldest_due_at: Date | null;
}

/** A kind of durable work that can say how much of an account's is waiting; the owning lib answers from its table. */
export interface BacklogKind {
  /** Names the queue in answers (`deliveries`, `message sends`). */
  readonly name: string;
  backlog(accountId: string): Promise<Backlog>;
}

/**
 * Queue depth per account, from PostgreSQL (where work lives; Redis only
 * moves it, and holds every account's jobs together): each kind of durable
 * work registers how to count its waiting rows, the stats API asks them all.
 */
@Injectable()
export class WorkBacklogs {
  private readonly kinds: BacklogKind[] = [];

  register(kind: BacklogKind): void {
    if (this.kinds.some((known) => known.name === kind.name)) throw new Error(`Backlog "${kind.name}" is registered twice`);
    this.kinds.push(kind);
  }

  /** Every registered kind's backlog for the account, in registration order. */
  async of(accountId: string): Promise<(Backlog & { name: string })[]> {
    return Promise.all(this.kinds.map(async (kind) => ({ name: kind.name, ...(await kind.backlog(accountId)) })));
  }
}
