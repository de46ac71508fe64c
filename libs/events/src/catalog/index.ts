export type { ChannelKind, EventTypeDefinition } from './event-type-definition';
export {
  CUSTOM_EVENT_TYPE_PATTERN,
  EVENT_CATALOG,
  SUBSCRIBABLE_EVENT_TYPES,
  findEventType,
  isKnownEventType,
} from './event-catalog';
export { MESSAGE_STATUSES } from './message.events';
export { GROUP_MEMBERSHIP_VIA } from './group.events';
export { WHATSAPP_SESSION_STATUSES } from './whatsapp.events';
export { LEAD_PROVIDERS } from './lead.events';
export { ENDPOINT_DISABLED_REASONS } from './system.events';
