import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { once } from 'node:events';
import { AppConfig } from '@hub/config';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A Redis command slower than this counts as Redis being away: login must not wait on it. */
const REDIS_COMMAND_TIMEOUT_MS = 500;
const WARN_EVERY_MS = 60_000;

/**
 * Throttling counters shared by every api process (npm start runs several):
 * one atomic Lua script per hit in Redis, under the hub's key prefix.
 *
 * When Redis cannot answer (down, cut, slower than 500 ms) the counters fall
 * back to this process's memory instead of failing the request: login and
 * signup keep answering and keep a per-process limit, and a warning says so
 * at most once a minute. Failing open would hand an attacker unlimited
 * guesses for as long as Redis is away; failing closed would lock every user
 * out of login because of a queue store.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('Throttling');
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private lastWarning = 0;

  constructor(config: AppConfig) {
    this.redis = new Redis(config.redisUrl, {
      keyPrefix: `${config.redisQueuePrefix}:throttle:`,
      // Fail at once while disconnected instead of queueing the command until Redis is back.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
    });
    this.redis.on('error', () => undefined);
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    try {
      await this.connected();
      return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (Date.now() - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = Date.now();
        this.logger.warn(`Redis did not answer a throttling count (${(error as Error).message}); counting in this process's memory until it does`);
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  /** Right after start (or a reconnect) the connection may still be opening: wait for it, briefly. */
  private async connected(): Promise<void> {
    if (this.redis.status !== 'connecting' && this.redis.status !== 'connect') return;
    let timer: NodeJS.Timeout | undefined;
    const abort = new AbortController();
    // once() rejects on the client's next 'error'; after the timeout wins nobody awaits it, so its rejection is dropped here
    // rather than surfacing later (at shutdown) as an unhandled "Connection is closed".
    const ready = once(this.redis, 'ready', { signal: abort.signal }).catch(() => undefined);
    await Promise.race([ready, new Promise((resolve) => (timer = setTimeout(resolve, REDIS_COMMAND_TIMEOUT_MS)))]).finally(() => {
      clearTimeout(timer);
      abort.abort();
    });
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.redis.disconnect();
  }
}
