import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useToken } from '../../auth/useSession';
import { FieldError } from '../../ui/FieldError';
import { signupSchema, type SignupValues } from './signupSchema';
import { signupErrorMessage, useSignup } from './useSignup';

const FIELDS = ['account_name', 'email', 'password'] as const;

/**
 * Create an account. On a hub with a system mailer the answer is always
 * "check your email" (it does not say whether the address had an account);
 * without one a new account is signed in at once.
 */
export function SignupPage() {
  const token = useToken();
  const signup = useSignup();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    formState: { errors },
  } = useForm<SignupValues>({ resolver: zodResolver(signupSchema), defaultValues: { account_name: '', email: '', password: '' } });

  // A 400 from the API names the bad fields: show each next to its input.
  useEffect(() => {
    if (!(signup.error instanceof ApiError)) return;
    for (const { field, message } of signup.error.fieldErrors) {
      if ((FIELDS as readonly string[]).includes(field)) setError(field as (typeof FIELDS)[number], { message });
    }
  }, [signup.error, setError]);

  useEffect(() => setFocus('account_name'), [setFocus]);

  if (token) return <Navigate to="/" replace />;

  const accepted = signup.data?.kind === 'accepted' ? signup.data.answer : null;
  if (accepted) {
    return (
      <main className="login-screen">
        <div className="login-card card">
          <p className="brand brand-large" aria-hidden="true">
            <span className="brand-mark">⇄</span> Webhook Hub
          </p>
          <h1>{accepted.status === 'confirmation_sent' ? 'Check your email' : 'No account created'}</h1>
          <p role="status">{accepted.message}</p>
          {accepted.status === 'confirmation_sent' && (
            <p className="muted">
              We wrote to <strong>{getValues('email')}</strong>. Open the link in that email on this device to finish; it works once and
              expires in a day. Nothing there? Check your spam folder, or sign up again in a few minutes.
            </p>
          )}
          <p>
            <Link to="/login">Back to log in</Link>
          </p>
        </div>
      </main>
    );
  }

  const onSubmit = handleSubmit((values) => signup.mutate(values));
  const busy = signup.isPending;
  const hasFieldDetails = signup.error instanceof ApiError && signup.error.fieldErrors.length > 0;

  return (
    <main className="login-screen">
      <div className="login-card card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">⇄</span> Webhook Hub
        </p>
        <h1>Create an account</h1>
        <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Create an account">
          <div className="field">
            <label htmlFor="signup-account-name">Account name</label>
            <input
              id="signup-account-name"
              autoComplete="organization"
              aria-invalid={errors.account_name ? true : undefined}
              aria-describedby={errors.account_name ? 'signup-account-name-error' : undefined}
              {...register('account_name')}
            />
            <FieldError id="signup-account-name-error" message={errors.account_name?.message} />
          </div>
          <div className="field">
            <label htmlFor="signup-email">Email</label>
            <input
              id="signup-email"
              type="email"
              autoComplete="username"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? 'signup-email-error' : undefined}
              {...register('email')}
            />
            <FieldError id="signup-email-error" message={errors.email?.message} />
          </div>
          <div className="field">
            <label htmlFor="signup-password">Password</label>
            <input
              id="signup-password"
              type="password"
              autoComplete="new-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'signup-password-error' : undefined}
              {...register('password')}
            />
            <FieldError id="signup-password-error" message={errors.password?.message} />
          </div>
          {signup.error && !hasFieldDetails && (
            <p className="form-error" role="alert">
              {signupErrorMessage(signup.error)}
            </p>
          )}
          <button type="submit" className="button button-primary button-block" disabled={busy} aria-busy={busy}>
            {busy ? 'Creating…' : 'Create account'}
          </button>
        </form>
        <p className="login-alternative">
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </div>
    </main>
  );
}
