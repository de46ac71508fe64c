import { SetMetadata } from '@nestjs/common';

/** The metadata key the auth guard reads: a route carrying it needs no JWT or API key. */
export const IS_PUBLIC = 'hub:public';

/**
 * Marks a route as reachable without a JWT or API key (inbound webhooks,
 * login, health). Here rather than in accounts so that libs accounts
 * depends on (operations' health and metrics) can use it without a cycle.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
