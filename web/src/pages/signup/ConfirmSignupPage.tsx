import { Link, Navigate, useLocation } from 'react-router';
import { useToken } from '../../auth/useSession';
import { AuthScreen } from '../../ui/AuthScreen';
import { signupErrorMessage, useConfirmSignup } from './useSignup';

/** The code of a confirmation link: it rides in the fragment (`#token=…`), which the browser never sends to a server. */
function tokenFrom(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

/**
 * Where the signup email's link lands. Creating the account takes a click,
 * not the page load, so a mail scanner that opens links does not use up the
 * single-use link.
 */
export function ConfirmSignupPage() {
  const location = useLocation();
  const session = useToken();
  const confirm = useConfirmSignup();
  const token = tokenFrom(location.hash);

  if (confirm.isSuccess && session) return <Navigate to="/" replace />;

  const busy = confirm.isPending;
  return (
    <AuthScreen title="Confirm your email">
      {!token ? (
        <p className="form-error" role="alert">
          This link has no confirmation code. Open the link from your signup email again, all of it.
        </p>
      ) : (
        <>
          <p>Your email is confirmed by following this link. Create the account to start using Webhook Hub.</p>
          {confirm.error && (
            <p className="form-error" role="alert">
              {signupErrorMessage(confirm.error)}
            </p>
          )}
          <button type="button" className="button button-primary button-block" disabled={busy} aria-busy={busy} onClick={() => confirm.mutate({ token })}>
            {busy ? 'Creating your account…' : 'Create my account'}
          </button>
        </>
      )}
      <p className="login-alternative">
        <Link to="/login">Log in</Link> · <Link to="/signup">Sign up again</Link>
      </p>
    </AuthScreen>
  );
}
