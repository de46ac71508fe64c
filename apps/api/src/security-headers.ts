import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { AppConfig } from '@hub/config';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The admin app is the built Vite bundle: one module script, one stylesheet,
 * all from our origin, React setting styles through the DOM (which CSP does
 * not govern), images at most data: URIs. Nothing may frame it.
 */
const APP_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI's page has inline <style> blocks and style attributes; its scripts are files of ours. */
const DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * Security headers on every answer: CSP (frame-ancestors 'none'), nosniff,
 * Referrer-Policy, X-Frame-Options for old browsers, and HSTS only where TLS
 * is in use (PUBLIC_URL is https, or the request came over https: through a
 * proxy that TRUST_PROXY trusts to say so). The cross-origin isolation
 * headers are left out: they would only get in the way of a page that embeds
 * nothing.
 *
 * Helmet itself, built once: @fastify/helmet builds a new helmet (parsing the
 * CSP directives again) on every request, which the bench's profile showed at
 * ~4 % of the api's CPU on the hot routes; the built middleware only sets the
 * prepared header values.
 */
export function installSecurityHeaders(fastify: FastifyInstance, config: AppConfig): void {
  const httpsEverywhere = config.publicUrl.startsWith('https:');
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: APP_POLICY },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: httpsEverywhere ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => {
      if (error) throw error;
    });
    if (!httpsEverywhere && request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (request.url.startsWith('/api/docs') && !request.url.startsWith('/api/docs-json')) void reply.header('content-security-policy', DOCS_POLICY);
    done();
  });
}
