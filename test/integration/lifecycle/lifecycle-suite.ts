import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SandboxEndpoint } from '../../../src/runtime/index.ts';
import { localEndpoint, parseRecordedEndpoint } from '../../../src/sandboxes/index.ts';
import { directGet, echoThroughProxy, startLifecycleHarness, type LifecycleHarness } from './lifecycle-harness.ts';
import { controlledApp, oneAnswerApp } from './lifecycle-apps.ts';

export interface LifecycleSuiteOptions {
  runtime: 'process' | 'docker';
  /** Extra assertion on a paused sandbox (e.g. `docker inspect` says Paused). */
  assertPaused?: (sandboxId: string, paused: boolean) => Promise<void>;
}

/**
 * One suite, run against every runtime: scale-to-zero through the app proxy, paused-time billing,
 * and the health policy (report, restart once, fail with APP_UNHEALTHY).
 */
export function lifecycleSuite(options: LifecycleSuiteOptions): () => LifecycleHarness {
  let t: LifecycleHarness;

  beforeAll(async () => {
    t = await startLifecycleHarness(options.runtime);
  });
  afterAll(async () => {
    await t?.close();
  });

  const liveSandbox = async (id: string): Promise<{ id: string; endpoint: SandboxEndpoint }> => {
    const record = await t.h.platform.store.sandboxes.getLiveBySession(id);
    const endpoint = parseRecordedEndpoint(record?.endpoint);
    if (!record || !endpoint) throw new Error(`session ${id} has no running sandbox`);
    return { id: record.id, endpoint: localEndpoint(endpoint) };
  };

  it('pauses an idle app, resumes it transparently for HTTP and WebSocket, and bills paused time apart', async () => {
    const id = await t.spawnApi(controlledApp());
    expect((await t.h.app(id, '/')).status).toBe(200);
    await t.waitForLog(id, /^paused after \d+ s without requests/);
    const sandbox = await liveSandbox(id);
    // Frozen: the app itself does not answer, and the health monitor does not call that a failure.
    expect(await directGet(sandbox.endpoint, 400)).toBeNull();
    await options.assertPaused?.(sandbox.id, true);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.h.platform.store.sessions.get(id))?.state).toBe('running');
    expect((await t.logs(id)).filter((m) => /unhealthy|restart/.test(m))).toEqual([]);

    const started = Date.now();
    const res = await t.h.app(id, '/again');
    const resumeMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.text).toBe('hello from /again');
    await t.waitForLog(id, /^resumed by a request after \d+ s paused/);
    await options.assertPaused?.(sandbox.id, false);
    console.info(`[${options.runtime}] request to a paused app answered in ${resumeMs} ms`);

    await t.waitForLog(id, /^paused after/, { count: 2 });
    expect(await echoThroughProxy(t.h.port, id, 'ping over an upgraded connection')).toBe('ping over an upgraded connection');
    await t.waitForLog(id, /^resumed by a request/, { count: 2 });

    expect((await t.h.api('DELETE', `/api/sessions/${id}`)).status).toBe(202);
    const done = await t.h.waitFor(id, ['destroyed']);
    const costs = await t.h.platform.store.costs.listBySession(id);
    const paused = costs.find((c) => c.kind === 'compute-paused');
    const compute = costs.find((c) => c.kind === 'compute');
    expect(paused, JSON.stringify(costs)).toBeDefined();
    expect(Number(paused?.details.seconds)).toBeGreaterThanOrEqual(2);
    // $1/s running (test price table), a tenth of it paused.
    expect(paused?.amountUsd).toBeGreaterThan((Number(paused?.details.seconds) - 1) * 0.1);
    expect(paused?.amountUsd).toBeLessThan((Number(paused?.details.seconds) + 1) * 0.1);
    expect(compute?.amountUsd).toBeGreaterThan(Number(compute?.details.seconds) - 1);
    expect(paused?.details.rateFactor).toBe(t.h.platform.config.pricing.pausedRateFactor);
    const lifetimeSeconds = (new Date(done.destroyedAt ?? 0).getTime() - new Date(done.createdAt).getTime()) / 1000;
    expect(Number(compute?.details.seconds) + Number(paused?.details.seconds)).toBeGreaterThanOrEqual(Math.floor(lifetimeSeconds) - 1);
    expect(Number(compute?.details.seconds)).toBeLessThan(lifetimeSeconds);
  });

  it('reports an exit with its code and restarts the app once, in a fresh sandbox', async () => {
    const id = await t.spawnApi(controlledApp());
    const before = await liveSandbox(id);
    const exit = await t.h.app(id, '/exit');
    expect(exit.status, exit.text).toBe(200);
    expect(await t.waitForLog(id, /^app unhealthy: /)).toBe('app unhealthy: exited with code 3; restarting it');
    await t.waitForLog(id, /^app restarted in a fresh sandbox$/);
    const after = await liveSandbox(id);
    expect(after.id).not.toBe(before.id);
    // The proxy caches routes for a second: poll past it rather than race the switch.
    let res = await t.h.app(id, '/');
    for (let i = 0; i < 30 && res.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await t.h.app(id, '/');
    }
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe('hello from /');
    expect((await t.h.platform.store.sessions.get(id))?.state).toBe('running');
  });

  it('reports an app killed for exceeding its memory limit as OOM-killed', async () => {
    const id = await t.spawnApi(controlledApp());
    expect((await t.h.app(id, '/oom')).status).toBe(200);
    expect(await t.waitForLog(id, /^app unhealthy: /)).toBe('app unhealthy: OOM-killed; restarting it');
  });

  it('fails an app that stays unhealthy after its restart with APP_UNHEALTHY, and destroys it', async () => {
    const id = await t.spawnApi(oneAnswerApp());
    let failed = await t.h.waitFor(id, ['failed'], 30_000);
    // `failed` is recorded first, then the sandbox is destroyed and destroyedAt set.
    for (let i = 0; i < 100 && !failed.destroyedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      failed = await t.h.waitFor(id, ['failed']);
    }
    expect(failed.error?.code).toBe('APP_UNHEALTHY');
    const ev = (await t.h.platform.store.events.list(id)).map((e) => `${e.at.toISOString()} ${e.type} ${JSON.stringify(e.data).slice(0, 140)}`);
    expect(failed.error?.message, ev.join('\n')).toContain('exited with code 4');
    const logs = await t.logs(id);
    expect(logs.filter((m) => m.endsWith('restarting it'))).toHaveLength(1);
    expect(logs.some((m) => m.startsWith('app unhealthy after its restart: exited with code 4'))).toBe(true);
    const live = (await t.h.platform.store.sandboxes.listLive()).filter((r) => r.sessionId === id);
    expect(live).toEqual([]);
    const leftovers = (await t.h.platform.sandboxes?.list())?.filter((s) => s.sessionId === id);
    expect(leftovers).toEqual([]);
  });

  return () => t;
}
