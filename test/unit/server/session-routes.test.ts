import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, SessionList, SessionView } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import type { CreateSessionInput } from '../../../src/orchestrator/index.ts';
import { sessionRoutes, type SessionRoutesDeps } from '../../../src/server/routes/session-routes.ts';
import type { SessionRecord } from '../../../src/store/index.ts';
import { at, routeApp, testConfig, type ErrorBody } from './route-app.ts';

function record(id: string, ownerId: string, createdAt: Date, patch: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id, ownerId, prompt: 'a todo list', title: 'Todo list', appType: 'webapp', appTypeSource: 'request', state: 'running', progress: 100,
    generator: 'offline-template', model: null, tier: 'small', ttlSeconds: 600, createdAt, updatedAt: createdAt, runningAt: createdAt,
    expiresAt: new Date(createdAt.getTime() + 600_000), destroyedAt: null, errorCode: null, errorMessage: null, estimatedCost: 0.01,
    actualCost: null, currentVersion: 1, workerId: null, heartbeatAt: null, cacheHit: false, cacheBypass: false, ...patch,
  };
}

/** An in-memory session service with the real one's owner rule: another owner's session is a 404. */
function fakeSessions() {
  const rows = new Map<string, SessionRecord>();
  const created: CreateSessionInput[] = [];
  let n = 0;
  const get = async (ownerId: string, id: string) => {
    const s = rows.get(id);
    if (!s || s.ownerId !== ownerId) throw new SpawnError('SESSION_NOT_FOUND', `no session ${id}`);
    return s;
  };
  const service: SessionRoutesDeps['sessions'] = {
    async create(ownerId, input) {
      created.push(input);
      const s = record(`s${String(++n).padStart(25, 'a')}`, ownerId, new Date(at.getTime() + n * 1000), { state: 'requested', progress: 0, ttlSeconds: input.ttlSeconds });
      rows.set(s.id, s);
      return { session: s, estimatedSeconds: 3 };
    },
    get,
    async list(ownerId, limit, before) {
      return [...rows.values()]
        .filter((s) => s.ownerId === ownerId && (!before || s.createdAt < before.createdAt))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, limit);
    },
    async destroy(ownerId, id) {
      const s = await get(ownerId, id);
      s.state = 'destroying';
      return s;
    },
    async extend(ownerId, id, ttlSeconds) {
      const s = await get(ownerId, id);
      if (s.state !== 'running') throw new SpawnError('SESSION_NOT_ACTIVE');
      s.expiresAt = new Date(at.getTime() + ttlSeconds * 1000);
      return s;
    },
  };
  return { service, rows, created };
}

describe('session routes', () => {
  let app: FastifyInstance;
  const fake = fakeSessions();
  beforeAll(async () => {
    app = await routeApp(sessionRoutes, { sessions: fake.service, config: testConfig({ SPAWN_MIN_TTL_SECONDS: '60' }), appUrl: (id) => `http://${id}.localhost:7070/` });
  });
  afterAll(() => app.close());

  it('creates a session: 201 with exactly the CreatedSession fields', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/sessions', payload: { prompt: '  a todo list  ', appType: 'webapp', ttlSeconds: 600, cache: false } });
    expect(res.statusCode).toBe(201);
    const body = res.json<CreatedSession>();
    expect(Object.keys(body).sort()).toEqual(['appType', 'appUrl', 'cached', 'estimatedCost', 'estimatedSeconds', 'expiresAt', 'generator', 'id', 'state'].sort());
    expect(body).toMatchObject({ state: 'requested', appType: 'webapp', appUrl: null, estimatedSeconds: 3, cached: false });
    expect(fake.created.at(-1)).toEqual({ prompt: 'a todo list', appType: 'webapp', ttlSeconds: 600, cache: false });
  });

  it.each([
    [{ prompt: '' }, 'PROMPT_EMPTY', /empty/],
    [{ prompt: 'a'.repeat(2001) }, 'PROMPT_TOO_LONG', /2001 characters; the maximum is 2000/],
    [{ prompt: 'x', appType: 'rocket' }, 'INVALID_APP_TYPE', /appType "rocket" is not one of webapp, api, script/],
    [{ prompt: 'x', ttlSeconds: 10.5 }, 'TTL_OUT_OF_RANGE', /whole number from 60/],
    [{ prompt: 'x', color: 'red' }, 'UNKNOWN_FIELD', /^unknown field\(s\): color$/],
    [{ prompt: 42 }, 'INVALID_REQUEST', /^prompt: Invalid input: expected string, received number$/],
    [{ prompt: 'x', appType: 7 }, 'INVALID_REQUEST', /^appType: /],
    [[1, 2], 'INVALID_REQUEST', /^body: /],
  ])('refuses %j with 400 %s and the same message as always', async (payload, code, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/sessions', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('answers 400 INVALID_JSON for a broken body and 415 for another media type', async () => {
    const broken = await app.inject({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/json' }, payload: '{"prompt": "x",' });
    expect([broken.statusCode, broken.json<ErrorBody>().error.code]).toEqual([400, 'INVALID_JSON']);
    const form = await app.inject({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'prompt=x' });
    expect([form.statusCode, form.json<ErrorBody>().error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('a request without a body gets the parser’s own answer', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/sessions' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toEqual({ code: 'INVALID_REQUEST', message: 'body: Invalid input: expected object, received undefined' });
  });

  it('reads only the caller’s sessions: another owner’s is a 404 SESSION_NOT_FOUND', async () => {
    const { id } = (await app.inject({ method: 'POST', url: '/api/sessions', payload: { prompt: 'mine' } })).json<CreatedSession>();
    const mine = await app.inject({ url: `/api/sessions/${id}` });
    expect(mine.statusCode).toBe(200);
    const view = mine.json<SessionView>();
    expect(Object.keys(view).sort()).toEqual(
      ['actualCost', 'appType', 'appUrl', 'cached', 'createdAt', 'destroyedAt', 'error', 'estimatedCost', 'expiresAt', 'generator', 'id', 'image', 'model', 'progress', 'prompt', 'state', 'title', 'verification'].sort(),
    );
    const theirs = await app.inject({ url: `/api/sessions/${id}`, headers: { 'x-owner': 'bob' } });
    expect([theirs.statusCode, theirs.json<ErrorBody>().error.code]).toEqual([404, 'SESSION_NOT_FOUND']);
    const noAuth = await app.inject({ url: `/api/sessions/${id}`, headers: { 'x-owner': 'nobody' } });
    expect([noAuth.statusCode, noAuth.json<ErrorBody>().error.code]).toEqual([401, 'AUTH_REQUIRED']);
  });

  it('shows the app URL and a recorded error as they are', async () => {
    fake.rows.set('r'.padEnd(26, 'b'), record('r'.padEnd(26, 'b'), 'alice', at));
    fake.rows.set('f'.padEnd(26, 'c'), record('f'.padEnd(26, 'c'), 'alice', at, { state: 'failed', errorCode: 'DEPLOY_FAILED', errorMessage: 'no port' }));
    expect((await app.inject({ url: `/api/sessions/${'r'.padEnd(26, 'b')}` })).json<SessionView>().appUrl).toBe(`http://${'r'.padEnd(26, 'b')}.localhost:7070/`);
    const failed = (await app.inject({ url: `/api/sessions/${'f'.padEnd(26, 'c')}` })).json<SessionView>();
    expect(failed).toMatchObject({ appUrl: null, error: { code: 'DEPLOY_FAILED', message: 'no port' }, createdAt: at.toISOString() });
  });

  it('pages the list newest first with a cursor, and refuses a bad cursor', async () => {
    for (let i = 0; i < 3; i++) await app.inject({ method: 'POST', url: '/api/sessions', payload: { prompt: `page ${i}` }, headers: { 'x-owner': 'carol' } });
    const first = (await app.inject({ url: '/api/sessions?limit=2', headers: { 'x-owner': 'carol' } })).json<SessionList>();
    expect(first.sessions.map((s) => s.prompt)).toEqual(['a todo list', 'a todo list']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await app.inject({ url: `/api/sessions?limit=2&cursor=${first.nextCursor}`, headers: { 'x-owner': 'carol' } })).json<SessionList>();
    expect(second.sessions).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.sessions, ...second.sessions].map((s) => s.id)).size).toBe(3);
    expect((await app.inject({ url: '/api/sessions?limit=abc', headers: { 'x-owner': 'carol' } })).json<SessionList>().sessions).toHaveLength(3);
    const bad = await app.inject({ url: '/api/sessions?cursor=nonsense', headers: { 'x-owner': 'carol' } });
    expect([bad.statusCode, bad.json<ErrorBody>().error.code]).toEqual([400, 'INVALID_REQUEST']);
  });

  it('DELETE answers 202 with the session; extend checks the TTL, then the state', async () => {
    const id = 'r'.padEnd(26, 'b');
    const ext = await app.inject({ method: 'POST', url: `/api/sessions/${id}/extend`, payload: { ttlSeconds: 900 } });
    expect(ext.statusCode).toBe(200);
    expect(ext.json<SessionView>().expiresAt).toBe(new Date(at.getTime() + 900_000).toISOString());
    const tooLong = await app.inject({ method: 'POST', url: `/api/sessions/${id}/extend`, payload: { ttlSeconds: 999_999_999 } });
    expect(tooLong.json<ErrorBody>().error.code).toBe('TTL_OUT_OF_RANGE');
    expect((await app.inject({ method: 'POST', url: `/api/sessions/${id}/extend`, payload: { ttl: 5 } })).json<ErrorBody>().error.code).toBe('UNKNOWN_FIELD');
    const del = await app.inject({ method: 'DELETE', url: `/api/sessions/${id}` });
    expect([del.statusCode, del.json<SessionView>().state]).toEqual([202, 'destroying']);
    const late = await app.inject({ method: 'POST', url: `/api/sessions/${id}/extend`, payload: { ttlSeconds: 900 } });
    expect([late.statusCode, late.json<ErrorBody>().error.code]).toEqual([409, 'SESSION_NOT_ACTIVE']);
    expect((await app.inject({ method: 'DELETE', url: `/api/sessions/${id}`, headers: { 'x-owner': 'bob' } })).statusCode).toBe(404);
  });
});
