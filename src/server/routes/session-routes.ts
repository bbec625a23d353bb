import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  API_ERRORS,
  BODY_ERRORS,
  CreatedSessionSchema,
  CreateSessionRequestSchema,
  errorResponses,
  ExtendRequestSchema,
  IdParamsSchema,
  SessionListQuerySchema,
  SessionListSchema,
  SessionViewSchema,
} from '../../api-schemas/index.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { parseCreateSession, parseExtend, type SessionService } from '../../orchestrator/index.ts';
import { withSpan } from '../../telemetry/index.ts';
import { toCreatedSession, toSessionView } from '../session-view.ts';

const PAGE_DEFAULT = 20;
/** A 5 MB image is 6.7 MiB of base64; the rest of the API keeps the server's 64 KiB limit. */
const CREATE_BODY_LIMIT_BYTES = 7 * 1024 * 1024;
const PAGE_MAX = 100;

export interface SessionRoutesDeps {
  sessions: Pick<SessionService, 'create' | 'list' | 'get' | 'destroy' | 'extend'>;
  /** For the input rules (prompt length, TTL range). */
  config: SpawnConfig;
  /** The app's URL on its own origin. */
  appUrl(id: string): string;
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}.${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString().split('.');
  if (!ms || !id || !/^\d+$/.test(ms)) throw new SpawnError('INVALID_REQUEST', 'cursor is not valid');
  return { createdAt: new Date(Number(ms)), id };
}

const tags = ['sessions'];

const createSession = {
  tags,
  summary: 'Create a session: an app from a sentence',
  body: CreateSessionRequestSchema,
  response: {
    201: CreatedSessionSchema.describe('queued; follow it on the event stream'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'PROMPT_EMPTY', 'PROMPT_TOO_LONG', 'INVALID_APP_TYPE', 'TTL_OUT_OF_RANGE', 'IMAGE_NOT_SUPPORTED', 'IMAGE_TYPE_UNSUPPORTED', 'IMAGE_TOO_LARGE', 'ACTIVE_SESSION_LIMIT', 'SESSION_RATE_LIMIT', 'QUEUE_UNAVAILABLE', 'CREDITS_EXHAUSTED', 'BUDGET_EXCEEDED'),
  },
};

const listSessions = {
  tags,
  summary: "The caller's sessions, newest first",
  querystring: SessionListQuerySchema,
  response: { 200: SessionListSchema.describe('one page'), ...errorResponses(...API_ERRORS, 'INVALID_REQUEST') },
};

const getSession = {
  tags,
  summary: 'One session',
  params: IdParamsSchema,
  response: { 200: SessionViewSchema.describe('the session'), ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND') },
};

const destroySession = {
  tags,
  summary: 'Destroy a session (it goes destroying → destroyed)',
  params: IdParamsSchema,
  response: { 202: SessionViewSchema.describe('the session, being destroyed'), ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND', 'QUEUE_UNAVAILABLE') },
};

const extendSession = {
  tags,
  summary: 'Move expiresAt to now + ttlSeconds (capped at creation + the maximum TTL)',
  params: IdParamsSchema,
  body: ExtendRequestSchema,
  response: {
    200: SessionViewSchema.describe('the session with its new expiresAt'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'TTL_OUT_OF_RANGE', 'SESSION_NOT_FOUND', 'SESSION_NOT_ACTIVE', 'CREDITS_EXHAUSTED', 'BUDGET_EXCEEDED'),
  },
};

/** Create, list, read, destroy and extend sessions. */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRoutesDeps> = async (app, { sessions, config, appUrl }) => {
  app.post('/api/sessions', { schema: createSession, bodyLimit: CREATE_BODY_LIMIT_BYTES, config: { permission: 'sessions:write', creates: 'sessions' } }, async (request, reply) => {
    // The root of the session's trace: the job carries its context to the worker's pipeline spans.
    return withSpan('POST /api/sessions', { 'http.request.method': 'POST', 'http.route': '/api/sessions' }, async (span) => {
      const input = parseCreateSession(request.body, config);
      const { session, estimatedSeconds } = await sessions.create(request.ownerId, input);
      span.setAttributes({ 'spawn.session.id': session.id, 'spawn.app_type': session.appType, 'http.response.status_code': 201 });
      return reply.status(201).send(toCreatedSession(session, estimatedSeconds));
    });
  });

  app.get('/api/sessions', { schema: listSessions, config: { permission: 'sessions:read' } }, async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit ?? PAGE_DEFAULT) || PAGE_DEFAULT, 1), PAGE_MAX);
    const before = request.query.cursor ? decodeCursor(request.query.cursor) : undefined;
    const rows = await sessions.list(request.ownerId, limit + 1, before);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      sessions: page.map((s) => toSessionView(s, appUrl)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  });

  app.get('/api/sessions/:id', { schema: getSession, config: { permission: 'sessions:read' } }, async (request) => toSessionView(await sessions.get(request.ownerId, request.params.id), appUrl));

  app.delete('/api/sessions/:id', { schema: destroySession, config: { permission: 'sessions:write', changes: { kind: 'sessions', param: 'id' } } }, async (request, reply) => {
    const s = await sessions.destroy(request.ownerId, request.params.id);
    return reply.status(202).send(toSessionView(s, appUrl));
  });

  app.post('/api/sessions/:id/extend', { schema: extendSession, config: { permission: 'sessions:write', changes: { kind: 'sessions', param: 'id' } } }, async (request) => {
    const ttlSeconds = parseExtend(request.body, config);
    return toSessionView(await sessions.extend(request.ownerId, request.params.id, ttlSeconds), appUrl);
  });
};
