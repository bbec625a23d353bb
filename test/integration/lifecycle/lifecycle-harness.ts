import http from 'node:http';
import type { CreatedSession } from '../../../src/api-types.ts';
import type { SandboxEndpoint } from '../../../src/runtime/index.ts';
import type { ScriptedText } from '../../fakes/fake-llm-server.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { asksFor } from '../../support/slow-app-answers.ts';

/** Short periods so the whole lifecycle (idle → pause, exit → restart → fail) fits in seconds. */
export const LIFECYCLE_ENV = {
  SPAWN_HEALTH_INTERVAL_SECONDS: '0.5',
  SPAWN_HEALTH_GRACE_SECONDS: '1',
  SPAWN_IDLE_PAUSE_SECONDS: '2',
  SPAWN_SANDBOX_MEMORY_MB: '160',
  SPAWN_MAX_ACTIVE_SESSIONS: '20',
  SPAWN_MAX_NEW_SESSIONS: '50',
  SPAWN_REPAIR_ROUNDS: '0',
  // $1 per running second, so the seconds-long lifetimes of these tests cost whole cents.
  SPAWN_PRICING_JSON: JSON.stringify({ tiers: { 's-1vcpu-1gb': { hourlyUsd: 3600, memoryMb: 1024, cpus: 0.5 } }, pausedRateFactor: 0.1, models: {} }),
};

export interface LifecycleHarness {
  h: Harness;
  fake: FakeOpenAI;
  /** Creates an api session whose generated app is `app`; resolves once it is running. */
  spawnApi(app: ScriptedText): Promise<string>;
  /** Log messages of the session, oldest first. */
  logs(id: string): Promise<string[]>;
  /** Waits for a log message matching `pattern` (at least `count` of them); returns the last. */
  waitForLog(id: string, pattern: RegExp, options?: { count?: number; timeoutMs?: number }): Promise<string>;
  /** Destroys every session it created, then the node and the fake. */
  close(): Promise<void>;
}

export async function startLifecycleHarness(runtime: 'process' | 'docker'): Promise<LifecycleHarness> {
  const fake = await FakeOpenAI.start();
  const h = await startHarness(
    { ...LIFECYCLE_ENV, SPAWN_RUNTIME: runtime },
    { providerEnv: { SPAWN_MODELS: 'openai:gpt-4.1', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseURL } },
  );
  const created: string[] = [];
  const logs = async (id: string): Promise<string[]> =>
    (await h.platform.store.events.list(id)).filter((e) => e.type === 'log').map((e) => String(e.data.message));
  return {
    h,
    fake,
    logs,
    async spawnApi(app) {
      fake.scriptWhen(asksFor('api'), app);
      const res = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: `an api ${created.length}`, appType: 'api' });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
      created.push(res.body.id);
      const view = await h.waitFor(res.body.id, ['running', 'failed'], 45_000);
      if (view.state !== 'running') throw new Error(`session ${res.body.id} failed: ${JSON.stringify(view.error)}`);
      return res.body.id;
    },
    async waitForLog(id, pattern, { count = 1, timeoutMs = 20_000 } = {}) {
      const until = Date.now() + timeoutMs;
      let seen: string[] = [];
      while (Date.now() < until) {
        seen = await logs(id);
        const hits = seen.filter((m) => pattern.test(m));
        if (hits.length >= count) return hits[hits.length - 1] ?? '';
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`session ${id}: no ${count}× ${pattern} within ${timeoutMs} ms; last logs: ${seen.slice(-12).join(' | ')}`);
    },
    async close() {
      for (const id of created) {
        const res = await h.api('DELETE', `/api/sessions/${id}`).catch(() => null);
        if (res?.status === 202) await h.waitFor(id, ['destroyed', 'failed'], 30_000).catch((err: unknown) => console.error(`cleanup of ${id}`, err));
      }
      await h.close();
      await fake.close();
    },
  };
}

/** One GET straight to the sandbox endpoint (bypassing the proxy); the status, or null on timeout/error. */
export function directGet(endpoint: SandboxEndpoint, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const target = 'socketPath' in endpoint ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port };
    const req = http.get({ ...target, path: '/', timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

/** Opens an HTTP upgrade through the app proxy, sends `message` and resolves with what comes back. */
export function echoThroughProxy(port: number, id: string, message: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers = { host: `${id}.localhost:${port}`, connection: 'Upgrade', upgrade: 'websocket' };
    const req = http.request({ host: '127.0.0.1', port, path: '/', headers, agent: false });
    const timer = setTimeout(() => req.destroy(new Error(`no echo within ${timeoutMs} ms`)), timeoutMs);
    req.on('upgrade', (_res, socket) => {
      socket.once('data', (chunk: Buffer) => {
        clearTimeout(timer);
        resolve(chunk.toString());
        socket.destroy();
      });
      socket.write(message);
    });
    req.on('response', (res) => reject(new Error(`the upgrade was refused with ${res.statusCode}`)));
    req.on('error', reject);
    req.end();
  });
}
