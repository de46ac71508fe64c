import type { FastifyInstance } from 'fastify';
import type { Logger as Pino } from 'pino';

/**
 * One "request completed" line per answered request, written from Fastify's
 * onResponse hook (no Express-style middleware layer, no per-request async
 * context). Only id, method, path, status and time: never headers or bodies,
 * and path parameters named in `secretParams` (capability tokens in a URL)
 * stay as their `:name`.
 */
export function installRequestLog(fastify: FastifyInstance, logger: Pino, options: { skipRoutes: string[]; secretParams: string[] }): void {
  const skipped = new Set(options.skipRoutes);
  const secret = new Set(options.secretParams);
  const hiding = new Map<string, boolean>(); // per route pattern, worked out once
  const hidesSecret = (route: string) => {
    let hides = hiding.get(route);
    if (hides === undefined) hiding.set(route, (hides = [...route.matchAll(/:(\w+)/g)].some((match) => secret.has(match[1]))));
    return hides;
  };
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route !== undefined && skipped.has(`${request.method} ${route}`)) return done();
    const statusCode = reply.statusCode;
    const params = (request.params ?? {}) as Record<string, string>;
    const url =
      route !== undefined && hidesSecret(route)
        ? route.replace(/:(\w+)/g, (match, name: string) => (secret.has(name) ? match : encodeURIComponent(params[name] ?? '')))
        : request.url.split('?')[0];
    const line = {
      req: { id: request.id, method: request.method, url },
      res: { statusCode },
      responseTime: Math.round(reply.elapsedTime),
    };
    if (statusCode >= 500) logger.error(line, 'request errored');
    else logger.info(line, 'request completed');
    done();
  });
}

/** The request id: the caller's X-Request-Id when it is a short string, else a new UUID. */
export function requestIdOf(headers: Record<string, string | string[] | undefined>, newId: () => string): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && given.length > 0 && given.length <= 100 ? given : newId();
}
