import { EndpointResponse } from './dto/endpoint-response.dto';
import { Endpoint } from './endpoint.entity';

/**
 * The API view of an endpoint, built field by field (never by spreading the
 * entity) so account_id and encrypted columns cannot leak when columns are added.
 */
export function toEndpointDto(endpoint: Endpoint): EndpointResponse {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.event_types,
    event_urls: endpoint.event_urls,
    channel_id: endpoint.channel_id,
    has_bearer_token: Boolean(endpoint.bearer_token_encrypted),
    headers: endpoint.headers,
    timeout_ms: endpoint.timeout_ms,
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabled_reason,
    disabled_at: endpoint.disabled_at,
    failing_since: endpoint.failing_since,
    failing_notified_at: endpoint.failing_notified_at,
    disabled_notified_at: endpoint.disabled_notified_at,
    payload_format: endpoint.payload_format,
    created_at: endpoint.created_at,
    updated_at: endpoint.updated_at,
  };
}
