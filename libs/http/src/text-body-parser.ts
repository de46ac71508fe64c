import type { FastifyInstance, FastifyRequest } from 'fastify';

/** SNS posts JSON as text/plain: keep the raw bytes and hand the handler the text. */
export function installTextBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    (request as FastifyRequest & { rawBody?: Buffer }).rawBody = body as Buffer;
    done(null, (body as Buffer).toString('utf8'));
  });
}
