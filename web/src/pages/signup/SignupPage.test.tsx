import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, renderApp, stubFetch } from '../../test/renderApp';

const me = { user: { id: 'u1', email: 'ops@example.com' }, account: { id: 'a1', name: 'Acme Messaging' } };
const checkEmail = { status: 'confirmation_sent', message: 'Check your email: we sent a message to that address with what to do next.' };

describe('SignupPage', () => {
  it('says what is wrong with each field without calling the API', async () => {
    const fetchMock = stubFetch(() => undefined);
    const { user } = renderApp('/signup');

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Name your account (your company or team)')).toBeInTheDocument();
    expect(screen.getByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Passwords are at least 10 characters')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows "check your email" when the hub confirms signups by email, and signs nobody in', async () => {
    const fetchMock = stubFetch((url) => (url === '/api/auth/signup' ? jsonResponse(202, checkEmail) : undefined));
    const { user, router } = renderApp('/signup');

    await user.type(screen.getByLabelText('Account name'), 'Acme Messaging');
    await user.type(screen.getByLabelText('Email'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(checkEmail.message);
    expect(screen.getByText('ops@example.com')).toBeInTheDocument();
    expect(window.localStorage.length).toBe(0);
    expect(router.state.location.pathname).toBe('/signup');
    const [, init] = fetchMock.mock.calls[0]!;
    expect(JSON.parse(String(init?.body))).toEqual({ account_name: 'Acme Messaging', email: 'ops@example.com', password: 'correct horse battery' });
  });

  it('signs a new account in at once on a hub without a mailer', async () => {
    stubFetch((url) => {
      if (url === '/api/auth/signup') return jsonResponse(201, { access_token: 'jwt-new', account_id: 'a1' });
      if (url === '/api/auth/me') return jsonResponse(200, me);
      return undefined;
    });
    const { user, router } = renderApp('/signup');

    await user.type(screen.getByLabelText('Account name'), 'Acme Messaging');
    await user.type(screen.getByLabelText('Email'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { name: /Welcome to Webhook Hub/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(window.localStorage.getItem('webhook-hub.token')).toBe('jwt-new');
  });
});

describe('ConfirmSignupPage', () => {
  it('creates the account with the link’s code on a click, then opens the app', async () => {
    const token = 'q3Vx0m4dJ8mY0bq9M2fK7pZl1tR6uWcHn5sA3eE8yGk';
    const fetchMock = stubFetch((url) => {
      if (url === '/api/auth/signup/confirm') return jsonResponse(201, { access_token: 'jwt-confirmed', account_id: 'a1' });
      if (url === '/api/auth/me') return jsonResponse(200, me);
      return undefined;
    });
    const { user, router } = renderApp(`/signup/confirm#token=${token}`);

    // Opening the link alone uses nothing up (mail scanners open links).
    expect(await screen.findByRole('heading', { name: 'Confirm your email' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(await screen.findByRole('heading', { name: /Welcome to Webhook Hub/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(window.localStorage.getItem('webhook-hub.token')).toBe('jwt-confirmed');
    const [, init] = fetchMock.mock.calls[0]!;
    expect(JSON.parse(String(init?.body))).toEqual({ token });
  });

  it('shows why a used or expired link cannot create the account', async () => {
    const message = 'This confirmation link expired (links work for 24 hours). Sign up again to get a new one.';
    stubFetch(() => jsonResponse(422, { statusCode: 422, error: 'signup_link_expired', message }));
    const { user } = renderApp('/signup/confirm#token=q3Vx0m4dJ8mY0bq9M2fK7pZl1tR6uWcHn5sA3eE8yGk');

    await user.click(await screen.findByRole('button', { name: 'Create my account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(window.localStorage.length).toBe(0);
    expect(screen.getByRole('link', { name: 'Sign up again' })).toHaveAttribute('href', '/signup');
  });
});
