import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { requireService } from '../../support/services.ts';
import { functionClient, PY_ADD } from '../functions/function-client.ts';

/** One sample of /metrics: a series' value by its name and labels (any label order). */
async function sample(h: Harness, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${h.base}/metrics`)).text();
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v) && Object.keys(found).length === Object.keys(labels).length) return Number(m[3]);
  }
  return 0;
}

/** Counters move when the work ends, which may be just after the API answered: poll, bounded. */
async function waitForSample(h: Harness, name: string, labels: Record<string, string>, atLeast: number): Promise<number> {
  const until = Date.now() + 10_000;
  let value = await sample(h, name, labels);
  while (value < atLeast && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await sample(h, name, labels);
  }
  return value;
}

/**
 * Issue 16's dashboard rows "Proxy traffic" and "Functions": real requests through the app proxy
 * and real function calls in a runtime move the counters the Grafana panels query, with closed
 * label sets (no session id or host in a label).
 */
describe('proxy traffic and function call metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts requests to apps by kind and status class when the response ends, with their duration', async () => {
    const web = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a simple todo list app', appType: 'webapp' });
    const api = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a notes REST API', appType: 'api' });
    expect((await h.waitFor(web.body.id, ['running', 'failed'])).state).toBe('running');
    expect((await h.waitFor(api.body.id, ['running', 'failed'])).state).toBe('running');
    const series = [
      ['static', '2xx'],
      ['static', '4xx'],
      ['sandbox', '2xx'],
      ['sandbox', '4xx'],
      ['page', '4xx'],
    ] as const;
    const before = new Map<string, number>();
    for (const [kind, result] of series) before.set(`${kind} ${result}`, await sample(h, 'spawnai_proxy_requests_total', { kind, result }));
    const sandboxTimed = await sample(h, 'spawnai_proxy_request_duration_seconds_count', { kind: 'sandbox' });

    expect((await h.app(web.body.id)).status).toBe(200);
    expect((await h.app(web.body.id, '/index.html')).status).toBe(200);
    expect((await h.app(web.body.id, '/no-such-file.png')).status).toBe(404);
    expect((await h.app(api.body.id, '/api/notes')).status).toBe(200);
    expect((await h.app(api.body.id, '/api/notes/nothing-here')).status).toBe(404);
    expect((await h.app('saaaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);

    const expected: Record<string, number> = { 'static 2xx': 2, 'static 4xx': 1, 'sandbox 2xx': 1, 'sandbox 4xx': 1, 'page 4xx': 1 };
    for (const [kind, result] of series) {
      const key = `${kind} ${result}`;
      expect(await waitForSample(h, 'spawnai_proxy_requests_total', { kind, result }, before.get(key)! + expected[key]!), key).toBe(before.get(key)! + expected[key]!);
    }
    expect(await sample(h, 'spawnai_proxy_request_duration_seconds_count', { kind: 'sandbox' })).toBe(sandboxTimed + 2);
    // The app's identity never becomes a label: one series per app would grow without bound.
    const text = await (await fetch(`${h.base}/metrics`)).text();
    const proxyLines = text.split('\n').filter((l) => l.startsWith('spawnai_proxy_'));
    expect(proxyLines.length).toBeGreaterThan(0);
    for (const id of [web.body.id, api.body.id, 'localhost']) expect(proxyLines.filter((l) => l.includes(id))).toEqual([]);
  });

  // Skipped only where python3 is missing (the function's runtime); requireService() fails the run in CI instead.
  it.skipIf(!requireService('python3'))('counts function calls by result (ok, cache_hit, function_error) and times those that ran', async () => {
    const fc = functionClient(h);
    const add = await fc.register({ runtime: 'python', code: PY_ADD });
    const broken = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    raise ValueError("no")\n' });
    const results = ['ok', 'cache_hit', 'function_error'] as const;
    const before = Object.fromEntries(await Promise.all(results.map(async (r) => [r, await sample(h, 'spawnai_function_calls_total', { result: r })] as const)));
    const timed = await sample(h, 'spawnai_function_call_duration_seconds_count');

    const first = await fc.run(add.id, { a: 2, b: 3 });
    expect(first).toMatchObject({ state: 'completed', outputs: { sum: 5 }, cached: false });
    const again = await fc.run(add.id, { a: 2, b: 3 });
    expect(again).toMatchObject({ state: 'completed', cached: true });
    const failed = await fc.run(broken.id, {});
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'FUNCTION_ERROR' } });

    for (const r of results) expect(await waitForSample(h, 'spawnai_function_calls_total', { result: r }, before[r]! + 1), r).toBe(before[r]! + 1);
    // The cache hit did not run: two calls timed, not three.
    expect(await waitForSample(h, 'spawnai_function_call_duration_seconds_count', {}, timed + 2)).toBe(timed + 2);
  });
});
