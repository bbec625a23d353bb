import type { FastifyError, FastifyInstance } from 'fastify';
import { SpawnError, isSpawnError } from '../errors/index.ts';
import { isStoreOutage } from '../store/index.ts';

/** Fastify's own error codes, mapped onto ours so every error has the same shape and a stable code. */
const FASTIFY_CODES: Record<string, SpawnError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_REQUEST',
  FST_ERR_VALIDATION: 'INVALID_REQUEST',
};

/**
 * An embedded SQLite file that is locked past its busy timeout or cannot be opened: retryable, so
 * answered 503 like a PostgreSQL outage (which `isStoreOutage` recognises; the pipeline never
 * treats SQLite as "down", but a client may well retry).
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|CANTOPEN)$/;

/** `databaseUrl` lets a socket error aimed at PostgreSQL's port count as the store being down. */
export function toHttpError(err: FastifyError | Error, databaseUrl?: string): SpawnError {
  if (isSpawnError(err)) return err;
  const rawCode = 'code' in err && typeof err.code === 'string' ? err.code : '';
  // Fastify marks errors of the request stream 4xx: a client gone mid-body (ECONNRESET) is not the store.
  const fromClient = 'statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500;
  if (!fromClient && (isStoreOutage(err, databaseUrl) || SQLITE_UNAVAILABLE.test(rawCode) || /database is locked/i.test(err.message))) {
    return new SpawnError('STORE_UNAVAILABLE', 'the database is not reachable right now; retry shortly', { cause: err });
  }
  const code = 'code' in err && typeof err.code === 'string' ? FASTIFY_CODES[err.code] : undefined;
  if (code) return new SpawnError(code, err.message);
  if (err instanceof SyntaxError) return new SpawnError('INVALID_JSON', err.message);
  const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status === 413) return new SpawnError('BODY_TOO_LARGE');
  if (status >= 400 && status < 500) return new SpawnError('INVALID_REQUEST', err.message);
  return new SpawnError('INTERNAL_ERROR', 'unexpected internal error', { cause: err });
}

/** Every error leaves as `{error: {code, message}}` with its registry status (+ Retry-After). */
export function installErrorHandling(app: FastifyInstance, databaseUrl?: string): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const e = toHttpError(err, databaseUrl);
    if (e.statusCode >= 500) request.log.error({ err }, 'request failed');
    if (e.retryAfterSeconds !== undefined) void reply.header('retry-after', String(e.retryAfterSeconds));
    else if (e.statusCode === 503) void reply.header('retry-after', '5');
    // The README promises Retry-After on every 429; a full active-session quota has no known end.
    else if (e.statusCode === 429) void reply.header('retry-after', '30');
    return reply.status(e.statusCode).send({ error: e.toJSON() });
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new SpawnError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).send({ error: e.toJSON() });
  });
}
