import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@hub/config';
import { inboundState } from '@hub/inbound-log';
import { nodeSecretMatches } from './node-secret';

export const NODE_SECRET_HEADER = 'x-node-secret';

/**
 * Every node service route: `X-Node-Secret` must be WHATSAPP_NODE_SECRET,
 * checked before anything is looked up, so a caller without it learns
 * nothing (not even whether a session exists). Refusals are in the inbound log.
 */
@Injectable()
export class NodeSecretGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const state = inboundState(request);
    if (nodeSecretMatches(this.config.whatsappNodeSecret, request.headers[NODE_SECRET_HEADER])) {
      state.verification = 'passed';
      return true;
    }
    state.verification = 'failed';
    throw new UnauthorizedException(
      this.config.whatsappNodeSecret ? 'X-Node-Secret is missing or wrong' : 'X-Node-Secret cannot be checked: WHATSAPP_NODE_SECRET is not set on the hub',
    );
  }
}
