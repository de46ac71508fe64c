import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { EntityManager, Repository } from 'typeorm';
import { SecretBox } from '@hub/database';
import { HubMetrics } from '@hub/operations';
import { REDACTED, redactHeaders } from '@hub/http';
import { InboundLog, InboundOutcome } from './inbound-log.entity';
import { InboundFastifyRequest, inboundSourceOf, inboundState, REPLAY_HEADER } from './inbound-request';

const MAX_ERROR_LENGTH = 2000;
// Every column a log row is written with, and its type in a jsonb_to_recordset() of such rows.
const RECORD_COLUMNS: Record<string, string> = {
  id: 'uuid',
  account_id: 'uuid',
  source: 'text',
  method: 'text',
  url: 'text',
  headers: 'jsonb',
  headers_encrypted: 'text',
  content_type: 'text',
  raw_body: 'text',
  status_code: 'int',
  outcome: 'text',
  verification: 'text',
  error: 'text',
  replay_of: 'uuid',
};
const COLUMN_LIST = Object.keys(RECORD_COLUMNS).join(', ');

interface RecordFields {
  outcome?: InboundOutcome;
  error?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function rawBodyOf(request: InboundFastifyRequest): string | null {
  if (request.rawBody) return request.rawBody.toString('utf8');
  if (typeof request.body === 'string') return request.body;
  return request.body === undefined || request.body === null ? null : JSON.stringify(request.body);
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
    private readonly secrets: SecretBox,
    private readonly metrics: HubMetrics,
  ) {}

  async record(request: FastifyRequest, statusCode: number, fields: RecordFields = {}, tx?: EntityManager): Promise<InboundLog | null> {
    if (inboundState(request).logId) return null;
    const repo = tx ? tx.getRepository(InboundLog) : this.logs;
    const row = repo.create(await this.rowOf(request, statusCode, fields, repo));
    await repo.insert(row);
    this.recorded(request, row);
    return row;
  }

  /**
   * The log row of a request, not yet stored, for a route that stores it with
   * what the request carries in one statement (see insertManySql); call
   * recorded() once that statement has committed.
   */
  async prepare(request: FastifyRequest, statusCode: number, fields: RecordFields = {}): Promise<InboundLog> {
    return this.logs.create({ ...(await this.rowOf(request, statusCode, fields, this.logs)), id: randomUUID() });
  }

  /** An INSERT of the rows (from prepare()) in the JSON array parameter `param`, for a CTE of the caller's statement. */
  static insertManySql(param: string): string {
    const types = Object.entries(RECORD_COLUMNS).map(([column, type]) => `${column} ${type}`);
    return `INSERT INTO inbound_logs (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM jsonb_to_recordset(${param}::jsonb) AS x(${types.join(', ')})`;
  }

  recorded(request: FastifyRequest, row: InboundLog): void {
    inboundState(request).logId = row.id;
    this.metrics.inboundRequests.inc({ source: row.source, status: String(row.status_code) });
  }

  private async rowOf(request: FastifyRequest, statusCode: number, fields: RecordFields, repo: Repository<InboundLog>): Promise<Partial<InboundLog>> {
    const state = inboundState(request);
    const req = request as InboundFastifyRequest;
    const replayOf = typeof request.headers[REPLAY_HEADER] === 'string' && UUID.test(request.headers[REPLAY_HEADER]) ? request.headers[REPLAY_HEADER] : null;
    const { [REPLAY_HEADER]: _marker, ...originalHeaders } = request.headers;
    // A replay that fails before the route knows the account still belongs to the original's account.
    const accountId = state.accountId ?? (replayOf ? (await repo.findOneBy({ id: replayOf }))?.account_id : null) ?? null;
    const headers = redactHeaders(originalHeaders);
    // Replay needs the exact originals only when something was redacted; otherwise the stored headers are them.
    const redacted = Object.keys(headers).some((name) => headers[name] === REDACTED);
    return {
      account_id: accountId,
      source: inboundSourceOf(request) ?? 'unknown',
      method: request.method,
      url: request.url,
      headers,
      headers_encrypted: redacted ? this.secrets.encrypt(JSON.stringify(originalHeaders)) : null,
      content_type: request.headers['content-type'] ?? null,
      raw_body: rawBodyOf(req),
      status_code: statusCode,
      outcome: fields.outcome ?? state.outcome ?? (statusCode < 400 ? 'accepted' : statusCode >= 500 ? 'error' : 'rejected'),
      verification: state.verification ?? null,
      error: fields.error ? fields.error.slice(0, MAX_ERROR_LENGTH) : null,
      replay_of: replayOf,
    };
  }

  /** Best effort for answers that are errors already: a failure here must not change the answer. */
  async recordRejection(request: FastifyRequest, statusCode: number, error: string): Promise<void> {
    try {
      await this.record(request, statusCode, { error });
    } catch (failure) {
      this.logger.warn(`Could not store inbound log for ${request.method} ${request.url}: ${(failure as Error).message}`);
    }
  }

  originalHeaders(log: InboundLog): Record<string, string> {
    if (!log.headers_encrypted) return log.headers;
    return JSON.parse(this.secrets.decrypt(log.headers_encrypted)) as Record<string, string>;
  }
}
