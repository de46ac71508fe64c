import type { ReactNode } from 'react';
import { ApiKeysPage } from './pages/api-keys/ApiKeysPage';
import { ContactsPage } from './pages/contacts/ContactsPage';
import { DeliveriesPage } from './pages/deliveries/DeliveriesPage';
import { EventTypesPage } from './pages/event-types/EventTypesPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { WebhooksPage } from './pages/webhooks/WebhooksPage';

export interface AppRoute {
  /** Absolute path; also the sidebar link. */
  path: string;
  /** Sidebar label. */
  label: string;
  element: ReactNode;
}

/**
 * The screens inside the signed-in shell, in sidebar order.
 * A new screen is a folder under `pages/` and one entry here.
 */
export const appRoutes: AppRoute[] = [
  { path: '/', label: 'Overview', element: <OverviewPage /> },
  { path: '/webhooks', label: 'Webhooks', element: <WebhooksPage /> },
  { path: '/deliveries', label: 'Delivery log', element: <DeliveriesPage /> },
  { path: '/event-types', label: 'Event catalog', element: <EventTypesPage /> },
  { path: '/api-keys', label: 'API keys', element: <ApiKeysPage /> },
  { path: '/contacts', label: 'Contacts', element: <ContactsPage /> },
];
