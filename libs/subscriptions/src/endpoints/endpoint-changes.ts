import { ErrorDetail } from '@hub/http';
import { EndpointInputDto } from './dto/endpoint-input.dto';
import { Endpoint, PayloadFormat } from './endpoint.entity';
import { destinationProblems, eventTypeProblems, eventUrlProblems, headerProblems, normaliseHeaders, urlProblems } from './endpoint-rules';

/** The plain (not secret, not lifecycle) settings of an endpoint. */
export interface EndpointSettings {
  url: string | null;
  description: string | null;
  event_types: string[];
  event_urls: Record<string, string>;
  channel_id: string | null;
  headers: Record<string, string>;
  timeout_ms: number | null;
  payload_format: PayloadFormat;
}

export type EnabledState = Pick<Endpoint, 'enabled' | 'disabled_reason' | 'disabled_at' | 'failing_since' | 'failing_notified_at' | 'disabled_notified_at'>;

/** An endpoint turned on starts afresh: no reason, no run of failures, no notice sent (so a new run of failures mails its admins again). */
export const ENABLED_AFRESH: EnabledState = { enabled: true, disabled_reason: null, disabled_at: null, failing_since: null, failing_notified_at: null, disabled_notified_at: null };

const DEFAULTS: EndpointSettings = {
  url: null,
  description: null,
  event_types: [],
  event_urls: {},
  channel_id: null,
  headers: {},
  timeout_ms: null,
  payload_format: 'standard',
};

function pick<K extends keyof EndpointSettings>(input: EndpointInputDto, current: EndpointSettings, key: K): EndpointSettings[K] {
  const value = (input as Partial<EndpointSettings>)[key];
  return value === undefined ? current[key] : (value as EndpointSettings[K]);
}

/** Problems of the fields a request sends, beyond their JSON shape (the DTO checks that). */
export function inputProblems(input: EndpointInputDto): ErrorDetail[] {
  return [
    ...urlProblems(input.url ? input.url : null),
    ...eventTypeProblems(input.event_types ?? []),
    ...eventUrlProblems(input.event_urls ?? {}),
    ...headerProblems(input.headers ?? {}),
  ];
}

/**
 * The settings after a create (`current` null) or PATCH: an omitted field keeps
 * its value, null clears it, "" as url means none; event types are de-duplicated
 * and header names lower-cased. Call inputProblems first.
 */
export function nextSettings(current: EndpointSettings | null, input: EndpointInputDto): EndpointSettings {
  const base = current ?? DEFAULTS;
  const url = pick(input, base, 'url');
  return {
    url: url ? url : null,
    description: pick(input, base, 'description'),
    event_types: [...new Set(pick(input, base, 'event_types'))],
    event_urls: { ...pick(input, base, 'event_urls') },
    channel_id: pick(input, base, 'channel_id'),
    headers: normaliseHeaders(pick(input, base, 'headers')),
    timeout_ms: pick(input, base, 'timeout_ms'),
    payload_format: pick(input, base, 'payload_format'),
  };
}

/** Everything wrong with a create or PATCH: the sent fields first, then whether every subscribed event has a URL. */
export function settingsProblems(input: EndpointInputDto, next: EndpointSettings): ErrorDetail[] {
  const problems = inputProblems(input);
  return problems.length > 0 ? problems : destinationProblems(next);
}

export function settingsOf(endpoint: Endpoint): EndpointSettings {
  const { url, description, event_types, event_urls, channel_id, headers, timeout_ms, payload_format } = endpoint;
  return { url, description, event_types, event_urls, channel_id, headers, timeout_ms, payload_format };
}

/** Turning an endpoint off records a manual disable; turning it on clears why, since when it was failing and the notices sent. */
export function enabledState(current: EnabledState | null, enabled: boolean | undefined, now = new Date()): Partial<EnabledState> {
  const wasEnabled = current?.enabled ?? true;
  const target = enabled ?? wasEnabled;
  if (target && (!current || !wasEnabled)) return { ...ENABLED_AFRESH };
  if (!target && wasEnabled) return { enabled: false, disabled_reason: 'manual', disabled_at: now };
  return {};
}
