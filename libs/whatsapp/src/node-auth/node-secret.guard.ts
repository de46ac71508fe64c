import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@hub/config';
import { inboundState } from '@hub/inbound-log';
import { NodeSecret } from './node-secret';

export const NODE_SECRET_HEADER = 'x-node-secret';

/**
 * Every node service route: `X-Node-Secret` must be WHATSAPP_NODE_SECRET,
 * checked before anything is looked up, so a caller without it learns
 * nothing (not even whether a session exists). Refusals are in the inbound log.
 */
@Injectable()
export class NodeSecretGuard implements CanActivate {
  private readonly secret: NodeSecret;

  constructor(config: AppConfig) {
    this.secret = new NodeSecret(config.whatsappNodeSecret);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const state = inboundState(request);
    if (this.secret.matches(request.headers[NODE_SECRET_HEADER])) {
      state.verification = 'passed';
      return true;
    }
    state.verification = 'failed';
    throw new UnauthorizedException(
      this.secret.isSet ? 'X-Node-Secret is missing or wrong' : 'X-Node-Secret cannot be checked: WHATSAPP_NODE_SECRET is not set on the hub',
    );
  }
}
