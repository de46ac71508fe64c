import { ExecutionContext, Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '@hub/config';
import { SharedThrottlerStorage } from './shared-throttler-storage';

/** Login attempts per client address per minute. */
export const LOGIN_PER_ADDRESS = { limit: 10, ttl: 60_000 };
/**
 * Login attempts per account (the email tried) per 15 minutes, from anywhere:
 * what stops guessing spread over many addresses. It also lets anyone delay
 * one account's logins for 15 minutes; the per-address limit keeps that to
 * someone with many addresses.
 */
export const LOGIN_PER_ACCOUNT = { limit: 20, ttl: 15 * 60_000 };
const SIGNUP_WINDOW_MS = 60 * 60_000;

/** Names of the throttlers; a route skips the ones that are not about it. */
export const THROTTLES = { loginAddress: 'login-address', loginAccount: 'login-account', signupAddress: 'signup-address' } as const;

interface TrackedRequest {
  ip: string;
  body?: { email?: unknown };
}

/** The client address (Fastify's request.ip: the TCP peer, or what trusted proxies say, see TRUST_PROXY); IPv6 by its /64. */
const byAddress = (request: Record<string, any>) => `address:${normalizeIp((request as TrackedRequest).ip)}`;
/** The email as login compares it (trimmed, lower-cased). The key is hashed before it reaches Redis. */
const byAccount = (request: Record<string, any>) => {
  const email = (request as TrackedRequest).body?.email;
  return `account:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
};

function refusal(context: ExecutionContext, detail: ThrottlerLimitDetail): string {
  const wait = `try again in ${detail.timeToBlockExpire} s`;
  if (context.getHandler().name === 'signup') return `Too many signups from this address; ${wait}`;
  if (detail.tracker.startsWith('account:')) return `Too many login attempts for this account; ${wait}`;
  return `Too many login attempts from this address; ${wait}`;
}

export function authThrottlerOptions(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: THROTTLES.loginAddress, ...LOGIN_PER_ADDRESS, getTracker: byAddress },
      { name: THROTTLES.loginAccount, ...LOGIN_PER_ACCOUNT, getTracker: byAccount },
      { name: THROTTLES.signupAddress, limit: config.signupLimitPerHour, ttl: SIGNUP_WINDOW_MS, getTracker: byAddress },
    ],
    storage: new SharedThrottlerStorage(config),
    errorMessage: refusal,
  };
}

/** The throttler guard, answering a refusal with the standard Retry-After (the library names it per throttler). */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<{ header(name: string, value: number): void }>().header('Retry-After', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}
