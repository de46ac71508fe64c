import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

/** Who is calling: set by AuthGuard on every admin request. */
export interface AuthContext {
  accountId: string;
  userId: string | null;
  apiKeyId: string | null;
}

export const IS_PUBLIC = 'hub:public';

/** Marks a route as reachable without a JWT or API key (inbound webhooks, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentAuth = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthContext => ctx.switchToHttp().getRequest<{ auth: AuthContext }>().auth,
);

/** The caller's account id: the only account an admin route may read or write. */
export const AccountId = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<{ auth: AuthContext }>().auth.accountId,
);
