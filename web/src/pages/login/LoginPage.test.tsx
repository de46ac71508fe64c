import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, renderApp, stubFetch } from '../../test/renderApp';

const me = { user: { id: 'u1', email: 'ops@example.com' }, account: { id: 'a1', name: 'Acme Messaging' } };

describe('LoginPage', () => {
  it('shows what is wrong with empty fields without calling the API', async () => {
    const fetchMock = stubFetch(() => undefined);
    const { user } = renderApp('/login');

    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Enter your email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects an invalid email and a short password without calling the API', async () => {
    const fetchMock = stubFetch(() => undefined);
    const { user } = renderApp('/login');

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Passwords are at least 10 characters')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the API's message when the credentials are refused", async () => {
    const fetchMock = stubFetch((url) =>
      url === '/api/auth/login'
        ? jsonResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' })
        : undefined,
    );
    const { user, router } = renderApp('/login');

    await user.type(screen.getByLabelText('Email'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(window.localStorage.length).toBe(0);
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
  });

  it('says to wait when login is throttled', async () => {
    stubFetch(() => jsonResponse(429, { statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException' }));
    const { user } = renderApp('/login');

    await user.type(screen.getByLabelText('Email'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in a minute.');
  });

  it("shows the hub's own words when it says which limit was reached", async () => {
    const message = 'Too many login attempts for this account; try again in 840 s';
    stubFetch(() => jsonResponse(429, { statusCode: 429, error: 'Too Many Requests', message }));
    const { user } = renderApp('/login');

    await user.type(screen.getByLabelText('Email'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  it('stores the token and opens the app on success', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/auth/login' && init.method === 'POST') {
        return jsonResponse(200, { access_token: 'jwt-123', account_id: 'a1' });
      }
      if (url === '/api/auth/me') return jsonResponse(200, me);
      return undefined;
    });
    const { user, router } = renderApp('/login');

    await user.type(screen.getByLabelText('Email'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: /Welcome to Webhook Hub/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(window.localStorage.getItem('webhook-hub.token')).toBe('jwt-123');

    const [, loginInit] = fetchMock.mock.calls[0]!;
    expect(JSON.parse(String(loginInit?.body))).toEqual({ email: 'ops@example.com', password: 'correct horse battery' });
    // The shell then asks who is logged in, with the new token.
    await waitFor(() => expect(screen.getByText('Acme Messaging')).toBeInTheDocument());
    const meCall = fetchMock.mock.calls.find(([url]) => url === '/api/auth/me');
    expect(meCall?.[1]?.headers).toMatchObject({ authorization: 'Bearer jwt-123' });
  });
});
