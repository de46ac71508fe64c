import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { RoundTripBatcher } from '@hub/database';
import { type InboundLog, InboundLogService, InboundLogSql } from '@hub/inbound-log';
import { ProviderEventReport, ProviderEventSql, ProviderEventsProducer } from '@hub/messaging';

interface Intake {
  log: InboundLog;
  reports: ProviderEventReport[];
}

/**
 * Stores an ESP's request: its inbound log row and the events it carries in
 * one statement, before the ESP is answered. Requests arriving in the same
 * event-loop turn share that statement (group commit, as the trigger and
 * lead routes do): one round trip and one commit for all of them. An event
 * stored before (the ESP's retry) is skipped; a request that brought only
 * such events is logged as a duplicate. The worker applies the events
 * (queues/provider-events in @hub/messaging), signalled without the answer
 * waiting for Redis.
 */
@Injectable()
export class EmailEventIntake {
  private readonly batcher = new RoundTripBatcher<Intake, number>((items) => this.storeMany(items));

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbound: InboundLogService,
    private readonly producer: ProviderEventsProducer,
  ) {}

  /** Answers how many of the events were new. */
  async store(request: FastifyRequest, reports: Omit<ProviderEventReport, 'inboundLogId'>[]): Promise<number> {
    const log = this.inbound.prepare(request, 200);
    const added = await this.batcher.submit({ log, reports: reports.map((report) => ({ ...report, inboundLogId: log.id })) });
    this.inbound.recorded(request, log);
    if (added > 0) void this.producer.signal();
    return added;
  }

  private async storeMany(items: Intake[]): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `WITH log AS (${InboundLogSql.insertMany('$1')}), stored AS (${ProviderEventSql.insertMany('$2')})
       SELECT inbound_log_id, count(*)::int AS added FROM stored GROUP BY inbound_log_id`,
      [InboundLogSql.rowsJson(items.map((item) => item.log)), ProviderEventSql.rowsJson(items.flatMap((item) => item.reports))],
    )) as { inbound_log_id: string; added: number }[];
    const added = new Map(rows.map((row) => [row.inbound_log_id, row.added]));
    for (const item of items) {
      if (item.reports.length > 0 && !added.has(item.log.id)) await this.dataSource.query(InboundLogSql.markDuplicate('$1'), [item.log.id]);
    }
    return items.map((item) => added.get(item.log.id) ?? 0);
  }
}
