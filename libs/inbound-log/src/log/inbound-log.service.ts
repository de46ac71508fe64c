import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { EntityManager, Repository } from 'typeorm';
import { HubMetrics } from '@hub/operations';
import { REDACTED, redactHeaders, redactUrl } from '@hub/http';
import { annotateActiveSpan } from '@hub/tracing';
import { InboundLog, InboundOutcome } from './inbound-log.entity';
import { ReplayMarks } from '../replay/replay-marks';
import { InboundAccounts } from '../route/inbound-accounts';
import { InboundFastifyRequest, inboundSourceOf, inboundState, REPLAY_HEADER } from './inbound-request';
import { SealedHeaders } from './sealed-headers';
import { storedBody } from './stored-body';

const MAX_ERROR_LENGTH = 2000;

/** An error text may quote what a client sent: never let it make the row unstorable. */
function storableText(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed().replaceAll('\u0000', '\ufffd');
}

interface RecordFields {
  outcome?: InboundOutcome;
  error?: string | null;
}


/**
 * Stores inbound requests. Routes that store data call record() with their
 * transaction, so the log row and what the request carries commit together;
 * the interceptor and the error hook record every other answer.
 */
@Injectable()
export class InboundLogService {
  private readonly logger = new Logger('InboundLog');

  constructor(
    @InjectRepository(InboundLog) private readonly logs: Repository<InboundLog>,
    private readonly sealedHeaders: SealedHeaders,
    private readonly metrics: HubMetrics,
    private readonly replays: ReplayMarks,
    private readonly accounts: InboundAccounts,
  ) {}

  async record(request: FastifyRequest, statusCode: number, fields: RecordFields = {}, tx?: EntityManager): Promise<InboundLog | null> {
    if (inboundState(request).logId) return null;
    const repo = tx ? tx.getRepository(InboundLog) : this.logs;
    const row = repo.create(this.rowOf(request, statusCode, fields));
    await repo.insert(row);
    this.recorded(request, row);
    return row;
  }

  /**
   * The log row of a request, not yet stored, for a route that stores it with
   * what the request carries in one statement (see InboundLogSql.insertMany); call
   * recorded() once that statement has committed.
   */
  prepare(request: FastifyRequest, statusCode: number, fields: RecordFields = {}): InboundLog {
    return this.logs.create({ ...this.rowOf(request, statusCode, fields), id: randomUUID() });
  }

  recorded(request: FastifyRequest, row: InboundLog): void {
    inboundState(request).logId = row.id;
    // The request's span names its stored log row (tracing on).
    annotateActiveSpan({ 'webhook_hub.inbound_log.id': row.id });
    this.metrics.inboundRequests.inc({ source: row.source, status: String(row.status_code) });
  }

  private rowOf(request: FastifyRequest, statusCode: number, fields: RecordFields): Partial<InboundLog> {
    const state = inboundState(request);
    const req = request as InboundFastifyRequest;
    // Only the hub's own replayer marks a replay (a one-time token it issued in this process), never a client's header.
    if (state.replay === undefined) state.replay = this.replays.take(request.headers[REPLAY_HEADER]) ?? null;
    const replay = state.replay;
    const originalHeaders = { ...request.headers };
    if (replay) delete originalHeaders[REPLAY_HEADER];
    // A replay that fails before the route knows the account still belongs to the original's account.
    const accountId = state.accountId ?? replay?.accountId ?? null;
    const headers = redactHeaders(originalHeaders);
    // Replay needs the redacted headers' original values; the others are stored as they came.
    const redacted = Object.keys(headers).filter((name) => headers[name] === REDACTED);
    return {
      account_id: accountId,
      source: inboundSourceOf(request) ?? 'unknown',
      method: request.method,
      url: redactUrl(request.url),
      headers,
      headers_encrypted: redacted.length > 0 ? this.sealedHeaders.seal(Object.fromEntries(redacted.map((name) => [name, originalHeaders[name]]))) : null,
      content_type: request.headers['content-type'] ?? null,
      ...storedBody(req.rawBody, req.body),
      status_code: statusCode,
      outcome: fields.outcome ?? state.outcome ?? (statusCode < 400 ? 'accepted' : statusCode >= 500 ? 'error' : 'rejected'),
      verification: state.verification ?? null,
      error: fields.error ? storableText(fields.error.slice(0, MAX_ERROR_LENGTH)) : null,
      replay_of: replay?.logId ?? null,
    };
  }

  /** Best effort for answers that are errors already: a failure here must not change the answer. */
  async recordRejection(request: FastifyRequest, statusCode: number, error: string): Promise<void> {
    try {
      const state = inboundState(request);
      if (!state.logId && state.accountId === undefined) state.accountId = await this.accounts.of(request);
      await this.record(request, statusCode, { error });
    } catch (failure) {
      this.logger.warn(`Could not store inbound log for ${request.method} ${request.url}: ${(failure as Error).message}`);
    }
  }

  /** The headers as they came: the stored ones with the redacted values put back (rows before 2026-12-03 sealed them all). */
  originalHeaders(log: InboundLog): Record<string, string> {
    if (!log.headers_encrypted) return log.headers;
    return { ...log.headers, ...this.sealedHeaders.open(log.headers_encrypted) };
  }
}
