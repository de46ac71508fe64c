import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, publicApi, unwrap } from '../../api/client';
import type { LoginResponse, SignupAccepted, SignupConfirmRequest, SignupRequest } from '../../api/types';
import { setToken } from '../../auth/session';

/** A signup answers either a session (hubs without a mailer, new email) or a 202 saying what happens next. */
export type SignupOutcome = { kind: 'signed-in' } | { kind: 'accepted'; answer: SignupAccepted };

function startSession(queryClient: ReturnType<typeof useQueryClient>, session: LoginResponse): void {
  // Nothing cached from an earlier session may show in this one.
  queryClient.removeQueries();
  setToken(session.access_token);
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation<SignupOutcome, Error, SignupRequest>({
    mutationFn: async (body) => {
      const answer = (await unwrap(publicApi.POST('/api/auth/signup', { body }))) as LoginResponse | SignupAccepted;
      if ('access_token' in answer) {
        startSession(queryClient, answer);
        return { kind: 'signed-in' };
      }
      return { kind: 'accepted', answer };
    },
  });
}

export function useConfirmSignup() {
  const queryClient = useQueryClient();
  return useMutation<LoginResponse, Error, SignupConfirmRequest>({
    mutationFn: (body) => unwrap(publicApi.POST('/api/auth/signup/confirm', { body })),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

/** The sentence shown for a failed signup or confirmation. */
export function signupErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.statusCode === 429) return error.message.startsWith('Too many') ? error.message : 'Too many signups, try again later.';
    if (error.statusCode === 403) return 'Signing up is turned off on this hub. Ask its administrator for an account.';
    if (error.statusCode >= 500) return 'The server could not do that right now. Try again shortly.';
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
