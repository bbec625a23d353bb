import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, FunctionView, QueuedTask, TaskView } from '../../../src/api-types.ts';
import { openKeptAlive, rawExchange } from '../../support/raw-http.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

/** Short limits, set here, so a stall shows within seconds. The handler deadline leaves room for a
 *  function registration (a syntax check in a Python or Node child) on a loaded machine. */
const TIMEOUT_SECONDS = 1;
const HANDLER_SECONDS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An SSE stream's text so far, and whether the server has ended it. */
function openEvents(port: number, sessionId: string): { text: () => string; ended: () => boolean; close: () => void } {
  let text = '';
  let ended = false;
  const req = http.get({ host: '127.0.0.1', port, path: `/api/sessions/${sessionId}/events`, agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    res.on('close', () => (ended = true));
  });
  req.on('error', () => (ended = true));
  return { text: () => text, ended: () => ended, close: () => req.destroy() };
}

describe('HTTP limits of the real server (process runtime)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SPAWN_REQUEST_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS), SPAWN_HANDLER_TIMEOUT_SECONDS: String(HANDLER_SECONDS), SPAWN_MAX_ACTIVE_SESSIONS: '10' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a body that stops half-way 408 REQUEST_TIMEOUT and closes the socket', async () => {
    const head = 'POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    const answer = await rawExchange(h.port, [head, '{"prompt":'], 10_000);
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(TIMEOUT_SECONDS * 1000 + 1500);
    expect(answer.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.text).toContain('"code":"REQUEST_TIMEOUT"');
    expect((await h.api<{ sessions: unknown[] }>('GET', '/api/sessions')).body.sessions).toEqual([]);
  });

  it('keeps an SSE stream open past the body and handler timeouts, until the session ends', async () => {
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a simple todo list app', appType: 'webapp' });
    expect(created.status).toBe(201);
    await h.waitFor(created.body.id, ['running']);
    const stream = openEvents(h.port, created.body.id);
    await sleep((HANDLER_SECONDS + 1) * 1000);
    expect(stream.ended()).toBe(false);
    expect(stream.text()).toContain('"state":"running"');
    await h.api('DELETE', `/api/sessions/${created.body.id}`);
    const until = Date.now() + 20_000;
    while (!stream.ended() && Date.now() < until) await sleep(100);
    stream.close();
    expect(stream.text()).toContain('"state":"destroyed"');
  });

  it('holds a function call for the `wait` it asks for, past the handler deadline', async () => {
    const fn = await h.api<FunctionView>('POST', '/api/functions', { name: `slow-${randomUUID()}`, runtime: 'python', code: 'import time\ndef main(i):\n    time.sleep(30)\n    return {}\n' });
    expect(fn.status, JSON.stringify(fn.body)).toBe(201);
    const started = Date.now();
    const res = await h.api<QueuedTask>('POST', `/api/functions/${fn.body.id}/execute`, { inputs: {}, wait: HANDLER_SECONDS * 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(HANDLER_SECONDS * 2000 - 100);
    await h.api('DELETE', `/api/functions/${fn.body.id}`);
  });

  it.each([
    ['python', 'def main(i):\n    x = []\n    for _ in range(100000):\n        x = [x]\n    return {"deep": x}\n'],
    ['node', 'module.exports.main = () => { let x = []; for (let i = 0; i < 100000; i++) x = [x]; return { deep: x }; };\n'],
    ['node', 'module.exports.main = () => { let x = 1; for (let i = 0; i < 2000; i++) x = { a: x }; return x; };\n'],
  ])('a %s function returning a structure nested too deep fails with FUNCTION_OUTPUT_INVALID', async (runtime, code) => {
    const fn = await h.api<FunctionView>('POST', '/api/functions', { name: `deep-${randomUUID()}`, runtime, code });
    expect(fn.status, JSON.stringify(fn.body)).toBe(201);
    const res = await h.api<TaskView>('POST', `/api/functions/${fn.body.id}/execute`, { inputs: {}, wait: 60 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('failed');
    expect(res.body.error?.code, res.body.error?.message).toBe('FUNCTION_OUTPUT_INVALID');
    const again = await h.api<TaskView>('GET', `/api/tasks/${res.body.id}`);
    expect(again.status).toBe(200);
    expect((await h.api('GET', '/healthz')).status).toBe(200);
  });
});

describe('per-client connection cap of the real server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SPAWN_MAX_CONNECTIONS_PER_CLIENT: '3' }, { worker: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('closes the connection over the cap on arrival and accepts again once one closes', async () => {
    const kept = [await openKeptAlive(h.port, '/healthz'), await openKeptAlive(h.port, '/healthz'), await openKeptAlive(h.port, '/healthz')];
    expect(kept.map((k) => k.status)).toEqual([200, 200, 200]);
    const refused = await rawExchange(h.port, ['GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'], 5_000);
    expect([refused.closed, refused.text]).toEqual([true, '']);
    kept.pop()?.socket.destroy();
    await sleep(200);
    const again = await openKeptAlive(h.port, '/healthz');
    expect(again.status).toBe(200);
    for (const k of [...kept, again]) k.socket.destroy();
  });
});
