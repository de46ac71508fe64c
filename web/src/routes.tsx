import type { ReactNode } from 'react';
import { ApiKeysPage } from './pages/api-keys/ApiKeysPage';
import { ChannelsPage } from './pages/channels/ChannelsPage';
import { ContactsPage } from './pages/contacts/ContactsPage';
import { DeliveriesPage } from './pages/deliveries/DeliveriesPage';
import { EventTypesPage } from './pages/event-types/EventTypesPage';
import { GroupsPage } from './pages/groups/GroupsPage';
import { InboundLogPage } from './pages/inbound-log/InboundLogPage';
import { LeadSourcesPage } from './pages/lead-sources/LeadSourcesPage';
import { MessagesPage } from './pages/messages/MessagesPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { WebhooksPage } from './pages/webhooks/WebhooksPage';
import { WorkflowsPage } from './pages/workflows/WorkflowsPage';

export interface AppRoute {
  /** Absolute path; also the sidebar link. */
  path: string;
  /** Sidebar label. */
  label: string;
  /** Sidebar heading the link sits under (the first route of a section starts it). */
  section?: string;
  element: ReactNode;
}

/**
 * The screens inside the signed-in shell, in sidebar order.
 * A new screen is a folder under `pages/` and one entry here.
 */
export const appRoutes: AppRoute[] = [
  { path: '/', label: 'Overview', element: <OverviewPage /> },
  { path: '/webhooks', label: 'Webhooks', section: 'Outbound', element: <WebhooksPage /> },
  { path: '/deliveries', label: 'Delivery log', section: 'Outbound', element: <DeliveriesPage /> },
  { path: '/event-types', label: 'Event catalog', section: 'Outbound', element: <EventTypesPage /> },
  { path: '/workflows', label: 'Workflows', section: 'Inbound', element: <WorkflowsPage /> },
  { path: '/lead-sources', label: 'Lead sources', section: 'Inbound', element: <LeadSourcesPage /> },
  { path: '/inbound-logs', label: 'Inbound log', section: 'Inbound', element: <InboundLogPage /> },
  { path: '/channels', label: 'Channels', section: 'Messaging', element: <ChannelsPage /> },
  { path: '/messages', label: 'Messages', section: 'Messaging', element: <MessagesPage /> },
  { path: '/contacts', label: 'Contacts', section: 'People', element: <ContactsPage /> },
  { path: '/groups', label: 'Groups', section: 'People', element: <GroupsPage /> },
  { path: '/api-keys', label: 'API keys', section: 'Settings', element: <ApiKeysPage /> },
];
