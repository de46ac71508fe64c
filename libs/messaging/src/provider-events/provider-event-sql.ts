import type { ProviderEventReport } from './provider-event-report';

/**
 * SQL for storing provider events inside another statement: an inbound route
 * writes its inbound log row and the events it carries in one round trip
 * (`WITH log AS (…) <insertMany>`). The text lives here, beside the table's
 * owner; a caller only binds `rowsJson(...)` to the parameter.
 */
export const ProviderEventSql = {
  rowsJson(reports: ProviderEventReport[]): string {
    return JSON.stringify(
      reports.map((report) => ({
        account_id: report.accountId,
        channel_id: report.channelId,
        channel: report.channel,
        provider: report.provider,
        provider_event_id: report.providerEventId,
        kind: report.kind,
        provider_message_id: report.providerMessageId,
        message_id_header: report.messageIdHeader,
        recipient: report.recipient?.toLowerCase() ?? null,
        occurred_at: report.occurredAt.toISOString(),
        reason: report.reason ?? null,
        url: report.url ?? null,
        bounce_type: report.bounce ?? null,
        once_token: report.onceToken ?? null,
        inbound_log_id: report.inboundLogId ?? null,
      })),
    );
  },

  /** Inserts the rows of `param` (rowsJson); one already stored (same event id, or a once-token seen before) is skipped. RETURNING id, inbound_log_id. */
  insertMany(param: string): string {
    return `INSERT INTO message_provider_events (account_id, channel_id, channel, provider, provider_event_id, kind, provider_message_id, message_id_header,
                                             recipient, occurred_at, reason, url, bounce_type, once_token, inbound_log_id)
            SELECT account_id, channel_id, channel, provider, provider_event_id, kind, provider_message_id, message_id_header,
                   recipient, occurred_at, reason, url, bounce_type, once_token, inbound_log_id
              FROM jsonb_to_recordset(${param}::jsonb) AS x(account_id uuid, channel_id uuid, channel text, provider text, provider_event_id text, kind text,
                     provider_message_id text, message_id_header text, recipient text, occurred_at timestamptz, reason text, url text,
                     bounce_type text, once_token text, inbound_log_id uuid)
            ON CONFLICT DO NOTHING
            RETURNING id, inbound_log_id`;
  },
};
