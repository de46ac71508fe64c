import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, renderApp, stubFetch } from '../test/renderApp';

const me = { user: { id: 'u1', email: 'ops@example.com' }, account: { id: 'a1', name: 'Acme Messaging' } };

describe('AppShell', () => {
  it('sends a visitor without a token to /login', async () => {
    const fetchMock = stubFetch(() => undefined);
    const { router } = renderApp('/api-keys');

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the account and the sidebar, and logs out', async () => {
    window.localStorage.setItem('webhook-hub.token', 'jwt-123');
    stubFetch((url) => (url === '/api/auth/me' ? jsonResponse(200, me) : undefined));
    const { user, router } = renderApp('/');

    expect(await screen.findByText('Acme Messaging')).toBeInTheDocument();
    expect(screen.getByText('ops@example.com')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Overview',
      'Webhooks',
      'Delivery log',
      'Event catalog',
      'Workflows',
      'Lead sources',
      'Inbound log',
      'Channels',
      'Messages',
      'Contacts',
      'Groups',
      'API keys',
    ]);
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(window.localStorage.getItem('webhook-hub.token')).toBeNull();
  });

  it('ends the session and returns to /login when the API answers 401', async () => {
    window.localStorage.setItem('webhook-hub.token', 'expired-jwt');
    stubFetch(() => jsonResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' }));
    const { router } = renderApp('/contacts');

    expect(await screen.findByText('Your session has ended. Log in again to continue.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.state).toMatchObject({ from: '/contacts' });
    expect(window.localStorage.getItem('webhook-hub.token')).toBeNull();
  });
});
