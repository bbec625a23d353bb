import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';

/** Headers are a few hundred bytes: a client that needs longer is stalling. */
const HEADERS_TIMEOUT_MS = 20_000; // 20 s
/** Fastify's own default: above the 60 s idle timeout of common load balancers, which must close first. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000; // 72 s
/** `wait` (POST /api/functions/:id/execute) holds the answer on purpose, up to its schema's maximum. */
const MAX_WAIT_SECONDS = 600;

export interface RequestLimits {
  /** For `http.createServer`: body and headers timeouts, checked often enough to be on time. */
  readonly serverOptions: ServerOptions;
  /** Fastify's `clientErrorHandler`: a request not received in time is answered 408 REQUEST_TIMEOUT. */
  readonly clientErrorHandler: (err: NodeJS.ErrnoException, socket: Duplex) => void;
  /** Sets the keep-alive timeout and caps open connections per client address on the server. */
  attach<S extends Server>(server: S): S;
  /** The handler deadline: 503 HANDLER_TIMEOUT when a complete request got no answer in time. */
  install(app: FastifyInstance): void;
}

/**
 * What one client may hold of the server. The body timeout is Node's `requestTimeout` (the whole
 * request, headers and body, must arrive in time), so it applies to app-proxy traffic too, but not
 * to what follows a complete request: SSE streams, WebSocket upgrades and long-polling apps keep
 * their connections. The handler deadline covers control-plane routes only (the app proxy does
 * not go through Fastify) and ends once an answer has started, so streams are exempt from it too.
 */
export function requestLimits(limits: SpawnConfig['http']): RequestLimits {
  const requestTimeoutMs = limits.requestTimeoutSeconds * 1000;
  const headersTimeoutMs = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs);
  return {
    serverOptions: {
      requestTimeout: requestTimeoutMs,
      headersTimeout: headersTimeoutMs,
      // Node checks the deadlines on this period (30 s by default): a tenth keeps them within 10%.
      connectionsCheckingInterval: Math.min(Math.max(requestTimeoutMs / 10, 100), 5_000),
    },
    clientErrorHandler: (err, socket) => answerClientError(err, socket, limits.requestTimeoutSeconds),
    attach(server) {
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      guardConnections(server, limits.maxConnectionsPerClient, headersTimeoutMs);
      return server;
    },
    install(app) {
      installHandlerDeadline(app, limits.handlerTimeoutSeconds);
    },
  };
}

const STATUS_LINES: Record<string, string> = { HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large' };

/** Fastify's default handler, with our error shape for the timeout (its other answers unchanged). */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex, timeoutSeconds: number): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status: string;
  let body: string;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = '408 Request Timeout';
    const e = new SpawnError('REQUEST_TIMEOUT', `the request was not received within ${timeoutSeconds} s: send the body at once, or raise SPAWN_REQUEST_TIMEOUT_SECONDS`);
    body = JSON.stringify({ error: e.toJSON() });
  } else {
    status = STATUS_LINES[err.code ?? ''] ?? '400 Bad Request';
    const [statusCode = '400', ...words] = status.split(' ');
    const message = statusCode === '431' ? 'Exceeded maximum allowed HTTP header size' : 'Client Error';
    body = JSON.stringify({ error: words.join(' '), message, statusCode: Number(statusCode) });
  }
  // Only on a socket that has sent nothing yet: a half-written answer must not get a second one.
  if (socket.writable && (socket as Socket).bytesWritten === 0) {
    socket.write(`HTTP/1.1 ${status}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

/**
 * More open connections than `max` from one address are closed as they arrive, before any byte is
 * read: an answer would need the request, and reading it is what the cap is there to refuse. A
 * connection that sends nothing at all is closed after `silentMs` (Node's headers timeout only
 * starts with the first byte).
 */
function guardConnections(server: Server, max: number, silentMs: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    const silent = setTimeout(() => socket.bytesRead === 0 && socket.destroy(), silentMs).unref();
    socket.once('close', () => {
      clearTimeout(silent);
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

function installHandlerDeadline(app: FastifyInstance, timeoutSeconds: number): void {
  const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  const arm = (request: FastifyRequest, reply: FastifyReply, seconds: number): void => {
    clearTimeout(timers.get(request));
    timers.set(request, setTimeout(() => expire(request, reply, seconds), seconds * 1000));
  };
  // Armed once before the onRequest hooks (auth reads the store) and again, fresh, once the body
  // has arrived: the time spent receiving it belongs to the request timeout, not to the handler.
  app.addHook('onRequest', async (request, reply) => {
    arm(request, reply, timeoutSeconds);
    reply.raw.once('close', () => clearTimeout(timers.get(request)));
  });
  app.addHook('preHandler', async (request, reply) => {
    arm(request, reply, timeoutSeconds + requestedWaitSeconds(request.body));
  });
}

function expire(request: FastifyRequest, reply: FastifyReply, seconds: number): void {
  // Answered, answering (a stream or a download has started) or hijacked (SSE): not ours to end.
  if (reply.sent || reply.raw.headersSent) return;
  // Still receiving the body: the request timeout ends that, and preHandler re-arms if it arrives.
  if (!request.raw.complete) return;
  const message = `no answer within ${seconds} s: retry, or raise SPAWN_HANDLER_TIMEOUT_SECONDS`;
  void reply.send(new SpawnError('HANDLER_TIMEOUT', message));
}

function requestedWaitSeconds(body: unknown): number {
  const wait = body !== null && typeof body === 'object' ? (body as { wait?: unknown }).wait : undefined;
  return typeof wait === 'number' && wait > 0 ? Math.min(wait, MAX_WAIT_SECONDS) : 0;
}
