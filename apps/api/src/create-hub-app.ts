import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppConfig } from '@hub/config';
import { answerClientError, createValidationPipe, HttpExceptionFilter, installRequestGuard, installTextBodyParser } from '@hub/http';
import { InboundLogService, inboundSourceOf } from '@hub/inbound-log';
import { HubLogger, installLeanAsyncResourceBind, installRequestLog, requestIdOf } from '@hub/operations';
import { isTracing, nameActiveRequestSpan } from '@hub/tracing';
import { HubModule, HubRoles } from './hub.module';
import { installSecurityHeaders } from './security-headers';

export const BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * How often Node looks for connections past their request or header timeout
 * (its default, 30 s, would let a slow client hold a connection that much
 * longer than the bound). One pass over the open connections per second.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

/**
 * Routes without a request-log line: probes, and the public trigger webhook,
 * whose every call is stored in the inbound log already (a log line repeated it
 * at ~13 % of the route's CPU, measured with the bench's profiles).
 */
const UNLOGGED_ROUTES = ['GET /api/health', 'GET /metrics', 'POST /api/automation/webhook/:webhookId'];
// Path parameters that are capabilities (whoever has the URL may act): never written to the request log.
const SECRET_PATH_PARAMS = ['token', 'webhookId'];

/** The built admin app: `web/dist` of the checkout, found from both apps/ (ts) and dist/apps/ (built). */
function findWebRoot(): string | undefined {
  for (let dir = __dirname, depth = 0; depth < 6; dir = dirname(dir), depth++) {
    if (existsSync(join(dir, 'web/dist/index.html'))) return join(dir, 'web/dist');
  }
  return undefined;
}

export function buildOpenApiDocument(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('Webhook Hub API')
    .setDescription('Inbound integrations, signed outbound webhooks and their logs. Admin routes take `Authorization: Bearer <JWT or API key>`.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Builds the configured Nest app (not yet listening): used by every entrypoint and by the e2e tests. */
export async function createHubApp(config: AppConfig, roles: HubRoles, extraModules: Type[] = []): Promise<NestFastifyApplication> {
  installLeanAsyncResourceBind();
  // No Nest middleware is used (request lines come from a Fastify hook), so the Express-style middleware layer is
  // left out of every request.
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (off by default): otherwise any client
    // could pick the address that login throttling counts.
    trustProxy: config.trustProxy,
    skipMiddie: true,
    // A client gets HTTP_REQUEST_TIMEOUT_MS to send its whole request (headers within HTTP_HEADERS_TIMEOUT_MS), then
    // 408 and the connection is closed; the time the hub takes to answer is not counted. Fastify applies
    // requestTimeout after creating the server, Node checks both in createServer.
    requestTimeout: config.httpRequestTimeoutMs,
    http: {
      requestTimeout: config.httpRequestTimeoutMs,
      headersTimeout: config.httpHeadersTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    clientErrorHandler: answerClientError,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => requestIdOf(request.headers, randomUUID),
  });
  const app = await NestFactory.create<NestFastifyApplication>(HubModule.forRoot(config, roles, extraModules), adapter, {
    rawBody: true,
    bufferLogs: true,
    // Throw instead of process.exit: entrypoints print the error, tests report it.
    abortOnError: false,
  });
  const logger = app.get(HubLogger);
  app.useLogger(logger);
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  installTextBodyParser(fastify);
  installSecurityHeaders(fastify, config);
  installRequestGuard(fastify, { isInbound: (request) => inboundSourceOf(request) !== undefined });
  installRequestLog(fastify, logger.pino, { skipRoutes: UNLOGGED_ROUTES, secretParams: SECRET_PATH_PARAMS });
  // Only with tracing on: without it no request pays for the hook.
  if (isTracing()) {
    fastify.addHook('onRequest', (request, _reply, done) => {
      nameActiveRequestSpan({ method: request.method, route: request.routeOptions.url, params: request.params }, SECRET_PATH_PARAMS);
      done();
    });
  }
  const inbound = roles.api ? app.get(InboundLogService) : undefined;
  const webRoot = roles.api ? findWebRoot() : undefined;
  app.useGlobalFilters(
    new HttpExceptionFilter({
      beforeReply: async (request, body) => {
        if (inbound && inboundSourceOf(request)) await inbound.recordRejection(request, body.statusCode, body.message);
      },
      // Client-side routes of the admin app (/login, /contacts…) load its index.html.
      notFound: (request, reply) => {
        const path = request.url.split('?')[0];
        if (!webRoot || request.method !== 'GET' || path.startsWith('/api/') || path === '/metrics') return false;
        void reply.type('text/html; charset=utf-8').sendFile('index.html');
        return true;
      },
    }),
  );
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  if (roles.api) {
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
