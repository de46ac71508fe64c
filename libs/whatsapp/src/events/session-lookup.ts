import { Injectable } from '@nestjs/common';
import { WhatsappSessions } from '@hub/channels';

/** The channel a session id names, as the hot webhook route needs it. */
export interface KnownSession {
  channelId: string;
  accountId: string;
}

/** How long an answer is trusted. A channel deleted in another api process stops being found within this time. */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Finds the WhatsApp channel of a session id for the node webhook, which
 * receives events in bursts (every message, every receipt). Answers, found or
 * not, are cached a few seconds per process, as the lead routes cache their
 * sources; the worker re-checks the channel when it applies an event.
 */
@Injectable()
export class SessionLookup {
  private readonly cache = new Map<string, { value: KnownSession | null; expires: number }>();

  constructor(private readonly sessions: WhatsappSessions) {}

  async find(sessionId: string): Promise<KnownSession | null> {
    const hit = this.cache.get(sessionId);
    if (hit && hit.expires > Date.now()) return hit.value;
    const channel = await this.sessions.bySessionId(sessionId);
    const value = channel ? { channelId: channel.id, accountId: channel.account_id } : null;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(sessionId, { value, expires: Date.now() + SESSION_CACHE_TTL_MS });
    return value;
  }
}
