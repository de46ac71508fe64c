import type { HubEvent } from '@hub/events';
import { DeliveryAttempt } from '../delivery/delivery-attempt.entity';
import { Delivery } from '../delivery/delivery.entity';
import { DeliveryDetailDto, DeliveryItemDto } from './dto/delivery.dto';

/** A delivery loaded with its event and attempts in the same query. */
export type DeliveryWithHistory = Delivery & { event: HubEvent | null; attempts: DeliveryAttempt[] };

/** maxAttempts: the attempts every delivery gets (the retry schedule's length), shown as "attempt n of N". */
export function toItem(d: Delivery, maxAttempts: number): DeliveryItemDto {
  return {
    id: d.id,
    event_id: d.event_id,
    event_type: d.event_type,
    endpoint_id: d.endpoint_id,
    url: d.url,
    status: d.status,
    attempt_count: d.attempt_count,
    max_attempts: maxAttempts,
    next_attempt_at: d.status === 'pending' ? d.next_attempt_at : null,
    last_status_code: d.last_status_code,
    last_error: d.last_error,
    created_at: d.created_at,
    completed_at: d.completed_at,
  };
}

export function toDetail(d: DeliveryWithHistory, maxAttempts: number): DeliveryDetailDto {
  const e = d.event;
  return {
    ...toItem(d, maxAttempts),
    event: e ? { id: e.id, type: e.type, timestamp: e.created_at, channel: e.channel, channel_id: e.channel_id, data: e.data } : null,
    attempts: d.attempts.map((a) => ({
      n: a.n,
      at: a.created_at,
      status_code: a.status_code,
      duration_ms: a.duration_ms,
      response_body: a.response_body,
      error: a.error,
      request_headers: a.request_headers,
    })),
  };
}
