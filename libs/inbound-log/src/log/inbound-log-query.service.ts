import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccountScope } from '@hub/database';
import { decodeCursor, Page, toPage } from '@hub/http';
import { InboundLogDetailDto, InboundLogQueryDto, InboundLogSummaryDto } from '../dto/inbound-log.dto';
import { InboundLog } from './inbound-log.entity';

export function toSummary(log: InboundLog): InboundLogSummaryDto {
  return {
    id: log.id,
    source: log.source,
    method: log.method,
    url: log.url,
    status_code: log.status_code,
    outcome: log.outcome,
    verification: log.verification,
    error: log.error,
    replay_of: log.replay_of,
    created_at: log.created_at,
  };
}

export function toDetail(log: InboundLog): InboundLogDetailDto {
  return {
    ...toSummary(log),
    headers: log.headers,
    content_type: log.content_type,
    raw_body: log.raw_body,
    raw_body_base64: log.raw_body_bytes ? log.raw_body_bytes.toString('base64') : null,
  };
}

/** The admin view of the inbound log; only the caller's account's rows. */
@Injectable()
export class InboundLogQueryService {
  readonly scope: AccountScope<InboundLog & { account_id: string; updated_at: Date }>;

  constructor(@InjectRepository(InboundLog) repository: Repository<InboundLog>) {
    this.scope = new AccountScope(repository as never, 'Inbound log entry');
  }

  async list(accountId: string, query: InboundLogQueryDto): Promise<Page<InboundLogSummaryDto>> {
    const qb = this.scope.queryBuilder(accountId, 'l');
    if (query.source) qb.andWhere('l.source = :source', { source: query.source });
    if (query.status) qb.andWhere('l.outcome = :outcome', { outcome: query.status });
    if (query.since) qb.andWhere('l.created_at >= :since', { since: new Date(query.since) });
    if (query.until) qb.andWhere('l.created_at < :until', { until: new Date(query.until) });
    if (query.path) qb.andWhere('(l.url = :path OR starts_with(l.url, :pathQuery))', { path: query.path, pathQuery: `${query.path}?` });
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(l.created_at, l.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('l.created_at', 'DESC').addOrderBy('l.id', 'DESC').take(query.limit + 1).getMany();
    return toPage(rows, query.limit, toSummary);
  }

  async get(accountId: string, id: string): Promise<InboundLog> {
    return this.scope.get(accountId, id);
  }
}
