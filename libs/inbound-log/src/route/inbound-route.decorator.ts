import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Public } from '@hub/accounts';
import { InboundLogInterceptor } from './inbound-log.interceptor';

/**
 * Marks a public inbound route: no admin auth, and every request to it lands
 * in the inbound log before it is answered — including the ones Fastify
 * rejects before the handler (malformed JSON, too large, wrong content type).
 */
export function InboundRoute(source: string) {
  return applyDecorators(Public(), RouteConfig({ inboundSource: source }), UseInterceptors(InboundLogInterceptor));
}
