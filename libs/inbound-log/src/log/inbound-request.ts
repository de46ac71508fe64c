import type { FastifyRequest } from 'fastify';
import type { ReplayMark } from '../replay/replay-marks';
import { InboundOutcome, InboundVerification } from './inbound-log.entity';

/** What an inbound route tells the log about the request it is handling. */
export interface InboundRequestState {
  accountId?: string | null;
  verification?: InboundVerification | null;
  outcome?: InboundOutcome;
  /** Set once the request's log row is written, so it is written once. */
  logId?: string;
  /** Set once the log has looked for a replay mark: the mark, or null for a request from outside. */
  replay?: ReplayMark | null;
}

export type InboundFastifyRequest = FastifyRequest & { rawBody?: Buffer; inbound?: InboundRequestState };

export const REPLAY_HEADER = 'x-webhook-hub-replay-of';

export function inboundState(request: FastifyRequest): InboundRequestState {
  const req = request as InboundFastifyRequest;
  req.inbound ??= {};
  return req.inbound;
}

export function inboundSourceOf(request: FastifyRequest): string | undefined {
  return (request.routeOptions?.config as { inboundSource?: string } | undefined)?.inboundSource;
}
