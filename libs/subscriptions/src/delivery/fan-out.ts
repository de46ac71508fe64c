/** What fan-out needs of an endpoint. */
export interface FanOutEndpoint {
  id: string;
  url: string | null;
  event_types: string[];
  event_urls: Record<string, string>;
}

export interface FanOutEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface DeliveryTarget {
  endpointId: string;
  url: string;
}

// The engine's own alerts about an endpoint never go to that endpoint (it is failing or gone).
const ABOUT_AN_ENDPOINT = new Set(['endpoint.disabled', 'delivery.exhausted']);

/**
 * The (endpoint, URL) pairs an event goes to. The caller passes the account's
 * enabled endpoints of the right scope (general ∪ the event's channel). An
 * event's own URL wins over the common one; a type listed in event_urls is
 * subscribed even when event_types does not name it; test events are never fanned out.
 */
export function fanOut(event: FanOutEvent, endpoints: FanOutEndpoint[]): DeliveryTarget[] {
  if (event.type === 'webhook.test') return [];
  const targets: DeliveryTarget[] = [];
  for (const endpoint of endpoints) {
    if (ABOUT_AN_ENDPOINT.has(event.type) && event.data.endpoint_id === endpoint.id) continue;
    const own = endpoint.event_urls?.[event.type];
    if (own) {
      targets.push({ endpointId: endpoint.id, url: own });
      continue;
    }
    const subscribed = endpoint.event_types.length === 0 || endpoint.event_types.includes(event.type);
    if (subscribed && endpoint.url) targets.push({ endpointId: endpoint.id, url: endpoint.url });
  }
  return targets;
}
