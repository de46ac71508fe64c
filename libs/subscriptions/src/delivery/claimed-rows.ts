import type { Endpoint } from '../endpoints/endpoint.entity';
import type { Delivery } from './delivery.entity';

/** A row as PostgreSQL's to_jsonb() gives it: every timestamp as text. */
export type RowJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

const at = (text: string): Date => new Date(text);
const atOrNull = (text: string | null): Date | null => (text === null ? null : new Date(text));

/** A delivery read as to_jsonb(d) (the claim), its timestamps as Dates. */
export function deliveryFromJson(json: RowJson<Delivery>): Delivery {
  return {
    ...json,
    created_at: at(json.created_at),
    updated_at: at(json.updated_at),
    next_attempt_at: at(json.next_attempt_at),
    locked_until: atOrNull(json.locked_until),
    completed_at: atOrNull(json.completed_at),
  };
}

/** An endpoint read as to_jsonb(e) (the claim), its timestamps as Dates. */
export function endpointFromJson(json: RowJson<Endpoint>): Endpoint {
  return {
    ...json,
    created_at: at(json.created_at),
    updated_at: at(json.updated_at),
    disabled_at: atOrNull(json.disabled_at),
    failing_since: atOrNull(json.failing_since),
    failing_notified_at: atOrNull(json.failing_notified_at),
    disabled_notified_at: atOrNull(json.disabled_notified_at),
    previous_secret_expires_at: atOrNull(json.previous_secret_expires_at),
  };
}
