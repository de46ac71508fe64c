/**
 * Fan-out as SQL, so an event and its deliveries are stored in one statement
 * (publishing is the hot path, and every round trip to PostgreSQL costs more
 * than the matching itself). `events` names a relation with the event's
 * id, account_id, type, channel_id and data: a CTE of the INSERT that stores
 * it, or of the outbox rows the sweeper dispatches.
 *
 * The rule: the account's enabled endpoints of the right scope (general ∪ the
 * event's channel). An event's own URL wins over the common one; a type listed
 * in event_urls is subscribed even when event_types does not name it (empty
 * event_types: every type); test events are never fanned out; the engine's
 * alerts about an endpoint never go to that endpoint (it is failing or gone).
 */
export function insertDeliveriesSql(events: string): string {
  return `INSERT INTO deliveries (account_id, event_id, event_type, endpoint_id, url, next_attempt_at)
    SELECT ev.account_id, ev.id, ev.type, e.id, COALESCE(NULLIF(e.event_urls->>ev.type, ''), e.url), now()
      FROM ${events} ev
      JOIN endpoints e ON e.account_id = ev.account_id AND e.enabled AND (e.channel_id IS NULL OR e.channel_id = ev.channel_id)
     WHERE ev.type <> 'webhook.test'
       AND NOT (ev.type IN ('endpoint.disabled', 'delivery.exhausted') AND ev.data->>'endpoint_id' = e.id::text)
       AND (NULLIF(e.event_urls->>ev.type, '') IS NOT NULL
            OR (e.url IS NOT NULL AND (cardinality(e.event_types) = 0 OR ev.type = ANY(e.event_types))))
    ON CONFLICT (event_id, endpoint_id, url) DO NOTHING
    RETURNING id, attempt_count, event_id`;
}
