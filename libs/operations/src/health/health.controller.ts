import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@hub/http';
import { RedisProbe } from './redis-probe';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'], example: 'ok' })
  status!: 'ok' | 'unavailable';
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  db!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  redis!: 'up' | 'down';
}

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisProbe,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness of the database and Redis (503 when either is down)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const [db, redis] = await Promise.all([
      Promise.race([
        this.dataSource.query('SELECT 1').then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
      ]).catch(() => false),
      this.redis.ping(),
    ]);
    const ok = db && redis;
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', db: db ? 'up' : 'down', redis: redis ? 'up' : 'down' };
  }
}
