import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedSession } from '../../../src/api-types.ts';
import { createToken } from '../../../src/server/index.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

type ErrorBody = { error: { code: string; message: string } };
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('per-owner limits', () => {
  it('refuses a fourth active session with ACTIVE_SESSION_LIMIT, and invalid requests do not count', async () => {
    h = await startHarness({ SPAWN_MAX_ACTIVE_SESSIONS: '3', SPAWN_MAX_NEW_SESSIONS: '100' });
    for (let i = 0; i < 3; i++) expect((await h.api('POST', '/api/sessions', { prompt: `app ${i}`, appType: 'webapp' })).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await h.api('POST', '/api/sessions', { prompt: '' })).status).toBe(400);
    const res = await h.api<ErrorBody>('POST', '/api/sessions', { prompt: 'one more', appType: 'webapp' });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('ACTIVE_SESSION_LIMIT');
  });

  it('refuses past the creation rate with SESSION_RATE_LIMIT and a Retry-After', async () => {
    h = await startHarness({ SPAWN_MAX_ACTIVE_SESSIONS: '100', SPAWN_MAX_NEW_SESSIONS: '2', SPAWN_RATE_WINDOW_SECONDS: '600' });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await h.api<CreatedSession>('POST', '/api/sessions', { prompt: `app ${i}`, appType: 'webapp' })).body.id);
    // Destroying does not give the slot back: the rate counts creations.
    for (const id of ids) await h.api('DELETE', `/api/sessions/${id}`);
    const res = await h.api<ErrorBody>('POST', '/api/sessions', { prompt: 'third', appType: 'webapp' });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('SESSION_RATE_LIMIT');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
  });
});

describe('identity', () => {
  it('with auth required, needs a valid bearer token and hides other owners’ sessions as 404', async () => {
    h = await startHarness({ SPAWN_AUTH: 'required' });
    const alice = await createToken(h.platform.store, 'alice');
    const bob = await createToken(h.platform.store, 'bob');
    expect((await h.api<ErrorBody>('GET', '/api/sessions')).body.error.code).toBe('AUTH_REQUIRED');
    expect((await h.api<ErrorBody>('GET', '/api/sessions', undefined, { authorization: 'Bearer nope' })).status).toBe(401);
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a todo list', appType: 'webapp' }, { authorization: `Bearer ${alice}` });
    expect(created.status).toBe(201);
    const asBob = await h.api<ErrorBody>('GET', `/api/sessions/${created.body.id}`, undefined, { authorization: `Bearer ${bob}` });
    expect(asBob.status).toBe(404);
    expect(asBob.body.error.code).toBe('SESSION_NOT_FOUND');
    expect((await h.api('DELETE', `/api/sessions/${created.body.id}`, undefined, { authorization: `Bearer ${bob}` })).status).toBe(404);
    const bobList = await h.api<{ sessions: unknown[] }>('GET', '/api/sessions', undefined, { authorization: `Bearer ${bob}` });
    expect(bobList.body.sessions).toHaveLength(0);
    expect((await h.api('GET', `/api/sessions/${created.body.id}`, undefined, { authorization: `Bearer ${alice}` })).status).toBe(200);
  });

  it('refuses to start on a non-loopback address without a token', () => {
    const res = spawnSync(process.execPath, ['bin/spawnai.js', 'up', '--host', '0.0.0.0', '--port', '0', '--data-dir', `/tmp/spawnai-auth-${process.pid}`], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, SPAWN_LOG_LEVEL: 'error', DATABASE_URL: '', REDIS_URL: '' },
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('spawnai token create');
  });
});
