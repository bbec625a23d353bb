import type { FastifyInstance } from 'fastify';
import type { SessionList } from '../../api-types.ts';
import { SpawnError } from '../../errors/index.ts';
import { parseCreateSession, parseExtend, type Platform } from '../../orchestrator/index.ts';
import { toCreatedSession, toSessionView } from '../session-view.ts';

const PAGE_DEFAULT = 20;
const PAGE_MAX = 100;

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}.${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString().split('.');
  if (!ms || !id || !/^\d+$/.test(ms)) throw new SpawnError('INVALID_REQUEST', 'cursor is not valid');
  return { createdAt: new Date(Number(ms)), id };
}

export function sessionRoutes(app: FastifyInstance, platform: Platform, appUrl: (id: string) => string): void {
  const { sessions, config } = platform;

  app.post('/api/sessions', async (request, reply) => {
    const input = parseCreateSession(request.body, config);
    const { session, estimatedSeconds } = await sessions.create(request.ownerId, input);
    return reply.status(201).send(toCreatedSession(session, estimatedSeconds));
  });

  app.get<{ Querystring: { limit?: string; cursor?: string } }>('/api/sessions', async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit ?? PAGE_DEFAULT) || PAGE_DEFAULT, 1), PAGE_MAX);
    const before = request.query.cursor ? decodeCursor(request.query.cursor) : undefined;
    const rows = await sessions.list(request.ownerId, limit + 1, before);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const body: SessionList = {
      sessions: page.map((s) => toSessionView(s, appUrl)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
    return body;
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id', async (request) => {
    return toSessionView(await sessions.get(request.ownerId, request.params.id), appUrl);
  });

  app.delete<{ Params: { id: string } }>('/api/sessions/:id', async (request, reply) => {
    const s = await sessions.destroy(request.ownerId, request.params.id);
    return reply.status(202).send(toSessionView(s, appUrl));
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/extend', async (request) => {
    const ttlSeconds = parseExtend(request.body, config);
    return toSessionView(await sessions.extend(request.ownerId, request.params.id, ttlSeconds), appUrl);
  });
}
