import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@hub/config';

/** A small dedicated Redis connection for health checks: fails fast instead of queueing commands. */
@Injectable()
export class RedisProbe implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(config: AppConfig) {
    this.client = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.client.on('error', () => undefined);
  }

  async ping(): Promise<boolean> {
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      return (await Promise.race([this.client.ping(), new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))])) === 'PONG';
    } catch {
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
