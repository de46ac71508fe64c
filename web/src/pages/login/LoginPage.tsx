import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { useToken } from '../../auth/useSession';
import { AuthField, AuthScreen } from '../../ui/AuthScreen';
import { loginSchema, type LoginValues } from './loginSchema';
import { loginErrorMessage, useLogin } from './useLogin';

interface LoginLocationState {
  from?: string;
  reason?: 'expired' | 'logout' | null;
}

/** Where to go after logging in: the page that sent us here, if it is one of ours. */
function returnPath(state: LoginLocationState | null): string {
  const from = state?.from;
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) {
    return from;
  }
  return '/';
}

export function LoginPage() {
  const token = useToken();
  const location = useLocation();
  const state = (location.state ?? null) as LoginLocationState | null;
  const login = useLogin();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<LoginValues>({ resolver: zodResolver(loginSchema), defaultValues: { email: '', password: '' } });

  // A 400 from the API names the bad fields: show each next to its input.
  useEffect(() => {
    if (!(login.error instanceof ApiError)) return;
    for (const { field, message } of login.error.fieldErrors) {
      if (field === 'email' || field === 'password') setError(field, { message });
    }
  }, [login.error, setError]);

  useEffect(() => setFocus('email'), [setFocus]);

  // Logged in (just now, or already): go where the user was heading.
  if (token) return <Navigate to={returnPath(state)} replace />;

  const onSubmit = handleSubmit((values) => login.mutate(values));
  const busy = login.isPending;
  const hasFieldDetails = login.error instanceof ApiError && login.error.fieldErrors.length > 0;

  return (
    <AuthScreen title="Log in">
      {state?.reason === 'expired' && !login.error && (
        <p className="notice" role="status">
          Your session has ended. Log in again to continue.
        </p>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Log in">
        <AuthField id="login-email" label="Email" type="email" autoComplete="username" error={errors.email?.message} registration={register('email')} />
        <AuthField
          id="login-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          registration={register('password')}
        />
        {login.error && !hasFieldDetails && (
          <p className="form-error" role="alert">
            {loginErrorMessage(login.error)}
          </p>
        )}
        <button type="submit" className="button button-primary button-block" disabled={busy} aria-busy={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p className="login-alternative">
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </AuthScreen>
  );
}
