import { BadRequestException, HttpException, UnprocessableEntityException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badQueryParameter, InputProblem, problemMessage, scanBody, scanParams } from './input-scan';

export interface RequestGuardOptions {
  /**
   * Whether the request came to a public inbound route: a body string it
   * cannot store is then 422 (valid JSON the hub cannot use, SPEC §4), not 400.
   */
  isInbound(request: FastifyRequest): boolean;
}

function refusal(problem: InputProblem, unprocessable: boolean): HttpException {
  const message = problemMessage(problem);
  if (problem.kind === 'depth') return new BadRequestException({ message });
  const body = { message, details: [{ field: problem.path, message }] };
  return unprocessable ? new UnprocessableEntityException(body) : new BadRequestException(body);
}

/**
 * The one check every request passes before a handler runs, admin and inbound
 * routes alike: query and path bytes, then the parsed body's depth and
 * strings (see input-scan.ts). A refusal goes through the global exception
 * filter like any other error, so an inbound route's refusal is stored in the
 * inbound log before it is answered. Runs as a Fastify preValidation hook:
 * after the body is parsed, once, on the parsed value (no second parse).
 */
export function installRequestGuard(fastify: FastifyInstance, options: RequestGuardOptions): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const query = badQueryParameter(request.url);
    if (query !== null) {
      const message = `query parameter ${query} is not valid percent-encoded UTF-8 without NUL characters`;
      done(new BadRequestException({ message, details: [{ field: query, message }] }));
      return;
    }
    const params = scanParams(request.params);
    if (params) {
      done(refusal(params, false));
      return;
    }
    const body = request.body === undefined ? null : scanBody(request.body);
    done(body ? refusal(body, options.isInbound(request)) : undefined);
  });
}
