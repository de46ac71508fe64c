import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useToken } from '../../auth/useSession';
import { AuthField, AuthScreen } from '../../ui/AuthScreen';
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
      <AuthScreen title={accepted.status === 'confirmation_sent' ? 'Check your email' : 'No account created'}>
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
      </AuthScreen>
    );
  }

  const onSubmit = handleSubmit((values) => signup.mutate(values));
  const busy = signup.isPending;
  const hasFieldDetails = signup.error instanceof ApiError && signup.error.fieldErrors.length > 0;

  return (
    <AuthScreen title="Create an account">
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Create an account">
        <AuthField
          id="signup-account-name"
          label="Account name"
          autoComplete="organization"
          error={errors.account_name?.message}
          registration={register('account_name')}
        />
        <AuthField id="signup-email" label="Email" type="email" autoComplete="username" error={errors.email?.message} registration={register('email')} />
        <AuthField
          id="signup-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          error={errors.password?.message}
          registration={register('password')}
        />
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
    </AuthScreen>
  );
}
