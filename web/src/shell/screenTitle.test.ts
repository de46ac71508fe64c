import { describe, expect, it } from 'vitest';
import { documentTitle } from '../ui/useDocumentTitle';
import { screenTitle } from './screenTitle';

const routes = [
  { path: '/', label: 'Overview' },
  { path: '/webhooks', label: 'Webhooks' },
  { path: '/inbound-logs', label: 'Inbound log' },
];

describe('screenTitle', () => {
  it('names the screen by its sidebar label', () => {
    expect(screenTitle(routes, '/')).toBe('Overview');
    expect(screenTitle(routes, '/inbound-logs')).toBe('Inbound log');
  });

  it('names a path below a screen after that screen', () => {
    expect(screenTitle(routes, '/webhooks/abc')).toBe('Webhooks');
  });

  it('says when there is no such screen', () => {
    expect(screenTitle(routes, '/nowhere')).toBe('Page not found');
  });
});

describe('documentTitle', () => {
  it('puts the screen before the app name', () => {
    expect(documentTitle('Contacts')).toBe('Contacts · Webhook Hub');
    expect(documentTitle()).toBe('Webhook Hub');
  });
});
