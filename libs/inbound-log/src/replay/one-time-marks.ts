import { randomBytes } from 'node:crypto';

/**
 * How a route tells a request the hub sends itself through it (fastify.inject:
 * a replay, a test lead) from a client's: the sender gets a one-time random
 * token to put in a header, and the route honours only a token issued in this
 * process and not used yet, with what was issued with it. A client sending the
 * header with anything else is an ordinary request.
 */
export class OneTimeMarks<T> {
  private readonly pending = new Map<string, T>();

  issue(mark: T): string {
    const token = randomBytes(24).toString('base64url');
    this.pending.set(token, mark);
    return token;
  }

  /** The mark of a token issued here, once; undefined for anything else. */
  take(token: unknown): T | undefined {
    if (typeof token !== 'string') return undefined;
    const mark = this.pending.get(token);
    this.pending.delete(token);
    return mark;
  }

  /** Forgets a token whose request never reached the route. */
  revoke(token: string): void {
    this.pending.delete(token);
  }
}
