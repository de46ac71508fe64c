import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody, ErrorBody } from './error-body';

// Sockets whose request Node cut for taking too long, so the request's own error can say so.
const timedOut = new WeakSet<Socket>();

const TIMED_OUT = 'The request was not received in full in time (headers within HTTP_HEADERS_TIMEOUT_MS, the whole request within HTTP_REQUEST_TIMEOUT_MS); nothing was stored';
const CLOSED = 'The connection closed before the request body was received in full; nothing was stored';

/**
 * Fastify's clientErrorHandler: answers what Node refuses before Fastify sees
 * a request (a slow client, an unparsable request line) with the hub's error
 * shape, and remembers timeouts so that a request whose body was being read
 * is logged as the 408 it was, not as the connection error it causes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? errorBody(408, TIMED_OUT)
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? errorBody(431, 'The request headers are larger than the server accepts')
        : errorBody(400, 'Malformed HTTP request');
  if (body.statusCode === 408) timedOut.add(socket);
  if (socket.writable) {
    const json = JSON.stringify(body);
    socket.write(`HTTP/1.1 ${body.statusCode} ${body.error}\r\nContent-Length: ${Buffer.byteLength(json)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${json}`);
  }
  socket.destroy(error);
}

/**
 * The error of a request whose body never arrived in full (Node timed it out,
 * or the client went away): 408 or 400, never the 503 its ECONNRESET would
 * otherwise read as. Undefined for every other request.
 */
export function interruptedRequestBody(raw: IncomingMessage): ErrorBody | undefined {
  if (!raw.readableAborted && !raw.aborted) return undefined;
  return raw.socket && timedOut.has(raw.socket) ? errorBody(408, TIMED_OUT) : errorBody(400, CLOSED);
}
