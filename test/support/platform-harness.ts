import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type SpawnEnv } from '../../src/config/index.ts';
import { createLogger } from '../../src/log/index.ts';
import { createPlatform, type Platform } from '../../src/orchestrator/index.ts';
import { createSpawnServer } from '../../src/server/index.ts';
import type { SessionView } from '../../src/api-types.ts';

export interface Harness {
  platform: Platform;
  port: number;
  base: string;
  dataDir: string;
  api<T = unknown>(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  /** GET through the app proxy with `Host: <id>.localhost:<port>` (Node does not resolve *.localhost). */
  app(id: string, route?: string, init?: { method?: string; host?: string }): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }>;
  waitFor(id: string, states: string[], timeoutMs?: number): Promise<SessionView>;
  close(): Promise<void>;
}

/** Starts a real platform node + HTTP server on a free port, embedded defaults unless env says otherwise. */
export async function startHarness(env: Partial<SpawnEnv> = {}, options: { worker?: boolean; providerEnv?: Record<string, string | undefined> } = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-test-'));
  fs.chmodSync(dataDir, 0o755); // sandboxes run as an unprivileged uid that must traverse it
  // Verification off unless a test asks for it: one Chromium per platform test would crowd the shared CI machine
  // (test/integration/verify/ runs the real browser path).
  const config = loadConfig({}, { SPAWN_PORT: '0', SPAWN_DATA_DIR: dataDir, SPAWN_LOG_LEVEL: 'warn', SPAWN_RUNTIME: 'process', SPAWN_VERIFY: 'off', ...env });
  const platform = await createPlatform(config, createLogger(config.logLevel), { worker: options.worker ?? true, env: options.providerEnv ?? {} });
  const server = await createSpawnServer(platform);
  const port = await server.listen();
  const base = `http://127.0.0.1:${port}`;
  const harness: Harness = {
    platform,
    port,
    base,
    dataDir,
    async api<T>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(base + route, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
    },
    app(id, route = '/', init = {}) {
      return new Promise((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: route, method: init.method ?? 'GET', headers: { host: init.host ?? `${id}.localhost:${port}` } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      });
    },
    async waitFor(id, states, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      let last: SessionView | undefined;
      while (Date.now() < until) {
        const res = await harness.api<SessionView>('GET', `/api/sessions/${id}`);
        last = res.body;
        if (states.includes(last.state)) return last;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`session ${id} did not reach ${states.join('|')} in ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    },
    async close() {
      await server.close();
      // Sessions a test left running keep their sandboxes (and mounts) on purpose across a
      // restart; a test run ends them all so nothing outlives it.
      const sandboxes = platform.sandboxes;
      if (sandboxes) for (const s of await sandboxes.list()) await sandboxes.destroy(s.id);
      await platform.close();
      // A health-check restart racing the loop above may have started one more before close().
      // The store is closed by now: the sandbox goes, only marking its record fails.
      if (sandboxes) for (const s of await sandboxes.list()) await sandboxes.destroy(s.id).catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
