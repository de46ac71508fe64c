import { EntityManager } from 'typeorm';
import { InboundLog } from './inbound-log.entity';

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
  raw_body_bytes: 'text',
  status_code: 'int',
  outcome: 'text',
  verification: 'text',
  error: 'text',
  replay_of: 'uuid',
};
const COLUMN_LIST = Object.keys(RECORD_COLUMNS).join(', ');
// In the JSON array of rows the bytes travel as base64 (see rowsJson).
const SELECT_LIST = COLUMN_LIST.replace('raw_body_bytes', "decode(raw_body_bytes, 'base64')");

/**
 * This lib alone writes `inbound_logs`. A route that stores its log row in the
 * same statement as what the request carries (the trigger webhook's hot path)
 * composes these fragments into its statement; the columns stay here.
 */
export const InboundLogSql = {
  /** An INSERT of the rows (from InboundLogService.prepare(), passed as rowsJson()) in the parameter `param`: the body of a CTE. */
  insertMany(param: string): string {
    const types = Object.entries(RECORD_COLUMNS).map(([column, type]) => `${column} ${type}`);
    return `INSERT INTO inbound_logs (${COLUMN_LIST}) SELECT ${SELECT_LIST} FROM jsonb_to_recordset(${param}::jsonb) AS x(${types.join(', ')})`;
  },

  /** The parameter of insertMany() for these rows. */
  rowsJson(rows: InboundLog[]): string {
    return JSON.stringify(rows.map((row) => (row.raw_body_bytes ? { ...row, raw_body_bytes: row.raw_body_bytes.toString('base64') } : row)));
  },

  /** An UPDATE that marks the row whose id is `idParam` a duplicate (a repeated Idempotency-Key): the body of a CTE. */
  markDuplicate(idParam: string): string {
    return `UPDATE inbound_logs SET outcome = 'duplicate' WHERE id = ${idParam}`;
  },
};

/** The request was accepted, but processing it failed for good: its log row says why (any process; needs no module). */
export async function markInboundLogFailed(manager: EntityManager, logId: string, error: string): Promise<void> {
  await manager.getRepository(InboundLog).update({ id: logId }, { outcome: 'error', error });
}
