import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { API_KEY_PREFIX } from '../api-keys/api-key-format';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AuthContext, IS_PUBLIC } from './auth-context';

interface JwtClaims {
  sub: string;
  acc: string;
}

/**
 * Global guard: every route needs `Authorization: Bearer <jwt | api key>`
 * unless marked @Public(). Puts the caller's AuthContext on the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; auth?: AuthContext }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('Missing Authorization: Bearer <token or API key>');
    const token = match[1];
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await this.apiKeys.authenticate(token);
      if (!key) throw new UnauthorizedException('Invalid API key');
      request.auth = { accountId: key.account_id, userId: null, apiKeyId: key.id };
      return true;
    }
    try {
      const claims = await this.jwt.verifyAsync<JwtClaims>(token);
      request.auth = { accountId: claims.acc, userId: claims.sub, apiKeyId: null };
      return true;
    } catch {
      throw new UnauthorizedException('Invalid or expired token');
    }
  }
}
