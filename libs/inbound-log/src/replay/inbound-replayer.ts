import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ReplayResultDto } from '../dto/inbound-log.dto';
import { InboundLogQueryService } from '../log/inbound-log-query.service';
import { InboundLogService } from '../log/inbound-log.service';
import { REPLAY_HEADER } from '../log/inbound-request';
import { ReplayMarks } from './replay-marks';

/**
 * Replays a logged request through the real route (same method, URL, original
 * headers and raw body), so it is verified, deduplicated and logged exactly like
 * the first time. The new log entry points back with replay_of, through a
 * one-time mark only this process can issue (ReplayMarks).
 */
@Injectable()
export class InboundReplayer {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly query: InboundLogQueryService,
    private readonly inbound: InboundLogService,
    private readonly marks: ReplayMarks,
  ) {}

  async replay(accountId: string, id: string): Promise<ReplayResultDto> {
    const log = await this.query.get(accountId, id);
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const { 'content-length': _length, host: _host, connection: _connection, ...headers } = this.inbound.originalHeaders(log);
    const token = this.marks.issue({ logId: log.id, accountId: log.account_id });
    const response = await fastify
      .inject({
        method: log.method as 'POST',
        url: log.url,
        headers: { ...headers, [REPLAY_HEADER]: token },
        payload: log.raw_body_bytes ?? log.raw_body ?? undefined,
      })
      .finally(() => this.marks.revoke(token));
    let body: unknown = response.body;
    try {
      body = response.json();
    } catch {
      // not JSON: keep the text
    }
    const rows = (await this.query.scope.find(accountId, { where: { replay_of: log.id } as never, order: { created_at: 'DESC' } as never, take: 1 }));
    return { status_code: response.statusCode, body, log_id: rows[0]?.id ?? null };
  }
}
