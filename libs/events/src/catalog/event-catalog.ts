import { CONTACT_EVENTS } from './contact.events';
import { CRM_LOOKUP_EVENTS } from './crm-lookup.events';
import { EventTypeDefinition } from './event-type-definition';
import { GROUP_EVENTS } from './group.events';
import { LEAD_EVENTS } from './lead.events';
import { MESSAGE_EVENTS } from './message.events';
import { SYSTEM_EVENTS } from './system.events';
import { WHATSAPP_EVENTS } from './whatsapp.events';
import { WORKFLOW_EVENTS } from './workflow.events';

/** Every built-in event type, in the order the admin app lists them. */
export const EVENT_CATALOG: readonly EventTypeDefinition[] = Object.freeze([
  ...CONTACT_EVENTS,
  ...CRM_LOOKUP_EVENTS,
  ...GROUP_EVENTS,
  ...MESSAGE_EVENTS,
  ...WHATSAPP_EVENTS,
  ...LEAD_EVENTS,
  ...WORKFLOW_EVENTS,
  ...SYSTEM_EVENTS,
]);

/** Custom event types published through `POST /api/events`. */
export const CUSTOM_EVENT_TYPE_PATTERN = /^custom\.[a-z0-9_.-]{1,64}$/;

/** Every catalog type; what an endpoint may list in `event_types` / `event_urls` besides custom ones. */
export const SUBSCRIBABLE_EVENT_TYPES: readonly string[] = Object.freeze(EVENT_CATALOG.map((event) => event.type));

const BY_TYPE: ReadonlyMap<string, EventTypeDefinition> = new Map(
  EVENT_CATALOG.map((event) => [event.type, event]),
);

export function findEventType(type: string): EventTypeDefinition | undefined {
  return BY_TYPE.get(type);
}

/** True for a catalog type or a custom type (`custom.<name>`). */
export function isKnownEventType(type: string): boolean {
  return BY_TYPE.has(type) || CUSTOM_EVENT_TYPE_PATTERN.test(type);
}
