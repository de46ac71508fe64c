import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { IS_PUBLIC, Public } from '@hub/http';

export { IS_PUBLIC, Public };

/** Who is calling: set by AuthGuard on every admin request. */
export interface AuthContext {
  accountId: string;
  userId: string | null;
  apiKeyId: string | null;
}


export const CurrentAuth = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthContext => ctx.switchToHttp().getRequest<{ auth: AuthContext }>().auth,
);

/** The caller's account id: the only account an admin route may read or write. */
export const AccountId = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<{ auth: AuthContext }>().auth.accountId,
);
