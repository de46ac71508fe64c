import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import type { FastifyRequest } from 'fastify';
import { from, mergeMap, Observable } from 'rxjs';
import { InboundLogService } from '../log/inbound-log.service';

/**
 * Makes sure every answer of an inbound route is logged before it is sent.
 * A route that stores data records inside its own transaction; other
 * successful answers are recorded here (errors: by the global exception
 * filter). If the log cannot be written, the request fails (503) rather than
 * answering 2xx unstored.
 */
@Injectable()
export class InboundLogInterceptor implements NestInterceptor {
  constructor(private readonly inbound: InboundLogService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const handler = context.getHandler();
    const explicit = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    const status = explicit ?? (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      mergeMap((value) => from(this.inbound.record(request, status).then(() => value))),
    );
  }
}
