import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageList, RestoredVersion, VersionFiles, VersionList } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { revisionRoutes, type RevisionRoutesDeps } from '../../../src/server/routes/revision-routes.ts';
import { at, routeApp, type ErrorBody } from './route-app.ts';

const WEB = 'w'.padEnd(26, 'a');
const API = 'p'.padEnd(26, 'a');

function owned(ownerId: string, id: string): void {
  if (ownerId !== 'alice' || (id !== WEB && id !== API)) throw new SpawnError('SESSION_NOT_FOUND', `no session ${id}`);
}

describe('revision routes', () => {
  let app: FastifyInstance;
  const posted: unknown[] = [];
  const revisions: RevisionRoutesDeps['revisions'] = {
    async postMessage(ownerId, id, body) {
      owned(ownerId, id);
      posted.push(body);
      return { messageId: 'msg_1' };
    },
    async messages(ownerId, id) {
      owned(ownerId, id);
      return { messages: [{ id: 'prompt', role: 'user', content: 'a counter', status: 'done', createdAt: at.toISOString() }, { id: 'm2', role: 'assistant', content: 'done', version: 2, createdAt: at.toISOString() }] };
    },
    async versions(ownerId, id) {
      owned(ownerId, id);
      return { current: 2, versions: [{ version: 1, createdAt: at.toISOString(), files: 1, source: 'generate' }, { version: 2, createdAt: at.toISOString(), files: 1, source: 'edit', message: 'blue' }] };
    },
    async files(ownerId, id, version) {
      owned(ownerId, id);
      if (version === '9') throw new SpawnError('VERSION_NOT_FOUND', 'the session has no version 9');
      return { version: Number(version ?? 2), files: [{ path: 'index.html', size: 5, content: '<h1/>' }] };
    },
    async restore(ownerId, id, n) {
      owned(ownerId, id);
      if (!/^[1-9]\d*$/.test(n)) throw new SpawnError('INVALID_REQUEST', `version must be a positive whole number, got "${n}"`);
      return id === WEB ? { queued: false, body: { messageId: 'r1', version: 3 } } : { queued: true, body: { messageId: 'r2', version: null } };
    },
    async exportZip(ownerId, id) {
      owned(ownerId, id);
      return { filename: 'counter.zip', zip: Buffer.from('PK\u0003\u0004zip') };
    },
  };
  beforeAll(async () => {
    app = await routeApp(revisionRoutes, { revisions });
  });
  afterAll(() => app.close());

  it('posts a change: 202 {messageId}; the body is checked first (UNKNOWN_FIELD, INVALID_REQUEST)', async () => {
    const ok = await app.inject({ method: 'POST', url: `/api/sessions/${WEB}/messages`, payload: { prompt: 'make it blue' } });
    expect([ok.statusCode, ok.json()]).toEqual([202, { messageId: 'msg_1' }]);
    expect(posted).toEqual([{ prompt: 'make it blue' }]);
    const extra = await app.inject({ method: 'POST', url: `/api/sessions/${WEB}/messages`, payload: { prompt: 'x', model: 'y' } });
    expect(extra.json<ErrorBody>().error).toEqual({ code: 'UNKNOWN_FIELD', message: 'unknown field(s): model' });
    const wrong = await app.inject({ method: 'POST', url: `/api/sessions/${WEB}/messages`, payload: { prompt: 1 } });
    expect([wrong.statusCode, wrong.json<ErrorBody>().error.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(posted).toHaveLength(1);
    const foreign = await app.inject({ method: 'POST', url: `/api/sessions/${WEB}/messages`, payload: { prompt: 'x' }, headers: { 'x-owner': 'bob' } });
    expect([foreign.statusCode, foreign.json<ErrorBody>().error.code]).toEqual([404, 'SESSION_NOT_FOUND']);
  });

  it('lists the conversation and the versions with every field', async () => {
    const messages = (await app.inject({ url: `/api/sessions/${WEB}/messages` })).json<MessageList>();
    expect(messages.messages[1]).toEqual({ id: 'm2', role: 'assistant', content: 'done', version: 2, createdAt: at.toISOString() });
    expect(messages.messages[0]).toMatchObject({ status: 'done' });
    const versions = (await app.inject({ url: `/api/sessions/${WEB}/versions` })).json<VersionList>();
    expect(versions).toEqual({ current: 2, versions: [expect.objectContaining({ version: 1, source: 'generate' }), expect.objectContaining({ version: 2, message: 'blue' })] });
  });

  it('reads files of a version (default current), 404 VERSION_NOT_FOUND for a missing one', async () => {
    expect((await app.inject({ url: `/api/sessions/${WEB}/files` })).json<VersionFiles>().version).toBe(2);
    expect((await app.inject({ url: `/api/sessions/${WEB}/files?version=1` })).json<VersionFiles>()).toEqual({ version: 1, files: [{ path: 'index.html', size: 5, content: '<h1/>' }] });
    const missing = await app.inject({ url: `/api/sessions/${WEB}/files?version=9` });
    expect([missing.statusCode, missing.json<ErrorBody>().error.code]).toEqual([404, 'VERSION_NOT_FOUND']);
  });

  it('restores: 200 with the version for a web app, 202 with null while a worker redeploys', async () => {
    const web = await app.inject({ method: 'POST', url: `/api/sessions/${WEB}/versions/1/restore` });
    expect([web.statusCode, web.json<RestoredVersion>()]).toEqual([200, { messageId: 'r1', version: 3 }]);
    const api = await app.inject({ method: 'POST', url: `/api/sessions/${API}/versions/1/restore` });
    expect([api.statusCode, api.json<RestoredVersion>()]).toEqual([202, { messageId: 'r2', version: null }]);
    const bad = await app.inject({ method: 'POST', url: `/api/sessions/${WEB}/versions/x/restore` });
    expect([bad.statusCode, bad.json<ErrorBody>().error.code]).toEqual([400, 'INVALID_REQUEST']);
  });

  it('exports the sources as an attachment ZIP, bytes untouched', async () => {
    const res = await app.inject({ url: `/api/sessions/${WEB}/export.zip` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="counter.zip"');
    expect(res.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 3, 4]));
    expect((await app.inject({ url: `/api/sessions/${WEB}/export.zip`, headers: { 'x-owner': 'bob' } })).statusCode).toBe(404);
  });
});
