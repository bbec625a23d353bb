import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, SessionList, SessionView } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('sessions API over HTTP (embedded defaults, process runtime)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SPAWN_MIN_TTL_SECONDS: '2', SPAWN_MAX_ACTIVE_SESSIONS: '50', SPAWN_MAX_NEW_SESSIONS: '100' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['webapp', 'a simple todo list app', 'Todo'],
    ['api', 'a notes REST API', '/api/notes'],
    ['script', 'a report of prime numbers', '<html'],
  ] as const)('a %s session goes requested → running and its URL answers on its own origin', async (appType, prompt, needle) => {
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt, appType });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'requested', appType, generator: 'offline-template', appUrl: null });
    expect(created.body.id).toMatch(/^[a-z][a-z2-7]{25}$/);
    expect(created.body.estimatedCost).toBeGreaterThan(0);
    const running = await h.waitFor(created.body.id, ['running', 'failed']);
    expect(running.error).toBeNull();
    expect(running.state).toBe('running');
    expect(running.progress).toBe(100);
    expect(running.appUrl).toBe(`http://${created.body.id}.localhost:${h.port}/`);
    const page = await h.app(created.body.id);
    expect(page.status).toBe(200);
    expect(page.text).toContain(needle);
  });

  it('infers the app type from the prompt and records it', async () => {
    const res = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a REST API backend for a voting poll' });
    expect(res.status).toBe(201);
    expect(res.body.appType).toBe('api');
    await h.api('DELETE', `/api/sessions/${res.body.id}`);
  });

  it.each([
    [{ prompt: '' }, 'PROMPT_EMPTY'],
    [{ prompt: '   ' }, 'PROMPT_EMPTY'],
    [{ prompt: 'a'.repeat(2001) }, 'PROMPT_TOO_LONG'],
    [{ prompt: 'x', appType: 'rocket' }, 'INVALID_APP_TYPE'],
    [{ prompt: 'x', ttlSeconds: 999_999_999 }, 'TTL_OUT_OF_RANGE'],
    [{ prompt: 'x', ttlSeconds: 1 }, 'TTL_OUT_OF_RANGE'],
    [{ prompt: 'x', ttlSeconds: 10.5 }, 'TTL_OUT_OF_RANGE'],
    [{ prompt: 'x', color: 'red' }, 'UNKNOWN_FIELD'],
    [{ prompt: 42 }, 'INVALID_REQUEST'],
    [[1, 2], 'INVALID_REQUEST'],
    ['{"prompt": "x",', 'INVALID_JSON'],
  ])('rejects bad input %j with 400 %s', async (body, code) => {
    const res = await h.api<ErrorBody>('POST', '/api/sessions', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(5);
  });

  it('answers 413 for a body over the limit and 415 for a non-JSON body', async () => {
    // POST /api/sessions takes up to 7 MiB (a prompt image travels as base64); past that, 413.
    const big = await h.api<ErrorBody>('POST', '/api/sessions', { prompt: 'x'.repeat(8 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('BODY_TOO_LARGE');
    const res = await fetch(`${h.base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 with a code for unknown sessions and routes', async () => {
    for (const route of ['/api/sessions/doesnotexist000', '/api/sessions/saaaaaaaaaaaaaaaaaaaaaaaaa', '/api/nope']) {
      const res = await h.api<ErrorBody>('GET', route);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toMatch(/NOT_FOUND/);
    }
  });

  it('DELETE destroys the session, frees its sandbox, records the actual cost, and the app answers 410', async () => {
    const { body } = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a notes REST API', appType: 'api' });
    await h.waitFor(body.id, ['running']);
    const sandbox = await h.platform.store.sandboxes.getLiveBySession(body.id);
    expect(sandbox).not.toBeNull();
    const del = await h.api('DELETE', `/api/sessions/${body.id}`);
    expect(del.status).toBe(202);
    const done = await h.waitFor(body.id, ['destroyed']);
    expect(done.actualCost).toBeGreaterThan(0);
    expect(done.destroyedAt).not.toBeNull();
    expect(await h.platform.store.sandboxes.getLiveBySession(body.id)).toBeNull();
    const listed = await h.platform.sandboxes!.list();
    expect(listed.map((s) => s.sessionId)).not.toContain(body.id);
    // At once: the proxy's cached route to the dead sandbox must not turn into a 502.
    const page = await h.app(body.id);
    expect(page.status).toBe(410);
    expect(page.text).toContain('expired');
    const costs = await h.platform.store.costs.listBySession(body.id);
    expect(costs.some((c) => c.kind === 'compute')).toBe(true);
  });

  it('an unknown app host answers a 404 page, and Host tricks never reach the API', async () => {
    expect((await h.app('saaaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
    const nested = await h.app('x', '/api/sessions', { host: `a.b.localhost:${h.port}` });
    expect(nested.status).toBe(404);
    expect(nested.text).not.toContain('"sessions"');
  });

  it('TTL expiry destroys the app on time', async () => {
    const { body } = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a calculator', appType: 'webapp', ttlSeconds: 2 });
    await h.waitFor(body.id, ['running']);
    const done = await h.waitFor(body.id, ['destroyed'], 10_000);
    expect(new Date(done.destroyedAt!).getTime()).toBeGreaterThanOrEqual(new Date(done.expiresAt).getTime());
    expect(new Date(done.destroyedAt!).getTime() - new Date(done.expiresAt).getTime()).toBeLessThan(3000);
  });

  it('extend moves expiresAt, never beyond the maximum TTL, and keeps the session alive past its first deadline', async () => {
    const { body } = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a calculator', appType: 'webapp', ttlSeconds: 2 });
    await h.waitFor(body.id, ['running']);
    const ext = await h.api<SessionView>('POST', `/api/sessions/${body.id}/extend`, { ttlSeconds: 600 });
    expect(ext.status).toBe(200);
    expect(new Date(ext.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 590_000);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await h.api<SessionView>('GET', `/api/sessions/${body.id}`)).body.state).toBe('running');
    const tooLong = await h.api<ErrorBody>('POST', `/api/sessions/${body.id}/extend`, { ttlSeconds: 300_000 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('TTL_OUT_OF_RANGE');
    const max = await h.api<SessionView>('POST', `/api/sessions/${body.id}/extend`, { ttlSeconds: 259_200 });
    expect(new Date(max.body.expiresAt).getTime()).toBeLessThanOrEqual(new Date(max.body.createdAt).getTime() + 259_200_000);
    await h.api('DELETE', `/api/sessions/${body.id}`);
    const ended = await h.waitFor(body.id, ['destroyed']);
    const late = await h.api<ErrorBody>('POST', `/api/sessions/${ended.id}/extend`, { ttlSeconds: 600 });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SESSION_NOT_ACTIVE');
  });

  it('lists the caller’s sessions newest first with a cursor', async () => {
    const first = await h.api<SessionList>('GET', '/api/sessions?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.sessions).toHaveLength(2);
    const [a, b] = first.body.sessions;
    expect(new Date(a!.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(b!.createdAt).getTime());
    expect(first.body.nextCursor).toBeTruthy();
    const second = await h.api<SessionList>('GET', `/api/sessions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.sessions[0]!.id).not.toBe(a!.id);
    expect(second.body.sessions[0]!.id).not.toBe(b!.id);
  });

  it('replays every event over SSE from the start and from Last-Event-ID', async () => {
    const { body } = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'notes app', appType: 'webapp', ttlSeconds: 2 });
    await h.waitFor(body.id, ['destroyed'], 10_000);
    const all = await readSse(`${h.base}/api/sessions/${body.id}/events`);
    const states = all.filter((e) => e.event === 'state').map((e) => (JSON.parse(e.data) as { data: { state: string } }).data.state);
    expect(states).toEqual(['requested', 'generating', 'deploying', 'running', 'destroying', 'destroyed']);
    expect(all.map((e) => Number(e.id))).toEqual(all.map((_, i) => i + 1));
    const rest = await readSse(`${h.base}/api/sessions/${body.id}/events`, { 'last-event-id': '3' });
    expect(rest[0]!.id).toBe('4');
    expect(rest).toHaveLength(all.length - 3);
  });

  it('/healthz reports store, queue and runtime; /metrics speaks Prometheus', async () => {
    const health = await h.api<{ status: string; checks: Record<string, boolean>; runtime: string }>('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { store: true, queue: true }, runtime: 'process' });
    const metrics = await fetch(`${h.base}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/spawnai_sessions\{state="running"\} \d+/);
    expect(metrics).toContain('spawnai_pipeline_step_duration_seconds_bucket');
    expect(metrics).toContain('spawnai_queue_depth');
  });
});

async function readSse(url: string, headers: Record<string, string> = {}): Promise<{ id: string; event: string; data: string }[]> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await res.text(); // the stream ends after the terminal state
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const get = (k: string) => block.split('\n').find((l) => l.startsWith(`${k}:`))?.slice(k.length + 1).trim() ?? '';
      return { id: get('id'), event: get('event'), data: get('data') };
    });
}
