import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, publicApi, unwrap } from '../../api/client';
import type { LoginRequest, LoginResponse } from '../../api/types';
import { setToken } from '../../auth/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<LoginResponse, Error, LoginRequest>({
    mutationFn: (body) => unwrap(publicApi.POST('/api/auth/login', { body })),
    onSuccess: (data) => {
      // Nothing cached from an earlier session may show in this one.
      queryClient.removeQueries();
      setToken(data.access_token);
    },
  });
}

/** The sentence shown above the Log in button for a failed attempt. */
export function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    // The hub says which limit (this address, or this account for 15 minutes) and when to try again.
    if (error.statusCode === 429) return error.message.startsWith('Too many') ? error.message : 'Too many attempts, try again in a minute.';
    if (error.statusCode === 401) return error.message || 'Invalid email or password';
    if (error.statusCode >= 500) return 'The server could not log you in right now. Try again shortly.';
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
