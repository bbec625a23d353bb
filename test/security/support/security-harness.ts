import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { AppType, CreatedSession, SessionView } from '../../../src/api-types.ts';
import type { SpawnEnv } from '../../../src/config/index.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { requireService } from '../../support/services.ts';

export type RuntimeName = 'process' | 'docker';

/** Every runtime the adversarial suite runs against; each file loops over these. */
export const RUNTIMES: readonly { name: RuntimeName; available: boolean }[] = [
  { name: 'process', available: requireService('bwrap') },
  { name: 'docker', available: requireService('docker') },
];

/** Small limits keep the bombs cheap on a 2-core machine. */
export const SANDBOX_MEMORY_MB = 128;
export const SANDBOX_PIDS = 64;

/** A hostile app's files: path → content (written in the file protocol by the fake model). */
export type AppFiles = Record<string, string>;

export interface SecurityHarness extends Harness {
  runtime: RuntimeName;
  fake: FakeOpenAI;
  /** Secrets planted in the server's environment and data directory; no app may ever see them. */
  secrets: string[];
  /** The unique part every planted secret contains (search for this). */
  secretTag: string;
  /** Has the fake model answer `files` for a new session, creates it and waits until it settles. */
  deploy(appType: AppType, files: AppFiles | string, options?: DeployOptions): Promise<SessionView>;
  /** The live sandbox id of a session (the driver's id: directory name or container id). */
  sandboxOf(sessionId: string): Promise<string | null>;
  destroy(sessionId: string, timeoutMs?: number): Promise<SessionView>;
  /** `/healthz` answers 200 and a fresh static app still deploys and serves. */
  assertHealthy(): Promise<void>;
}

export interface DeployOptions {
  ttlSeconds?: number;
  /** States to wait for (default running | failed). */
  until?: string[];
  timeoutMs?: number;
}

/** The model's answer in SpawnAI's file protocol. */
export function answerWith(files: AppFiles): string {
  return Object.entries(files)
    .map(([file, content]) => `<file path="${file}">\n${content}\n</file>\n`)
    .join('');
}

/**
 * One real server per test file and runtime, generating through a fake OpenAI endpoint so hostile
 * code travels the whole pipeline (generation, validation, deploy, proxy).
 */
export async function startSecurityHarness(runtime: RuntimeName, env: Partial<SpawnEnv> = {}, options: { offline?: boolean } = {}): Promise<SecurityHarness> {
  const fake = await FakeOpenAI.start();
  const tag = randomUUID();
  const secrets = [`sk-ant-SECRET-${tag}`, `postgres://spawn:DBSECRET-${tag}@db.internal/spawn`, `FILESECRET-${tag}`];
  process.env.ANTHROPIC_API_KEY = secrets[0];
  process.env.DATABASE_URL_SECURITY_PROBE = secrets[1];
  const base = await startHarness(
    {
      SPAWN_RUNTIME: runtime,
      SPAWN_SANDBOX_MEMORY_MB: String(SANDBOX_MEMORY_MB),
      SPAWN_SANDBOX_PIDS: String(SANDBOX_PIDS),
      SPAWN_SANDBOX_CPUS: '0.5',
      SPAWN_REPAIR_ROUNDS: '0',
      SPAWN_MAX_ACTIVE_SESSIONS: '50',
      SPAWN_MAX_NEW_SESSIONS: '1000',
      SPAWN_MIN_TTL_SECONDS: '3',
      SPAWN_SCRIPT_TIMEOUT_SECONDS: '20',
      SPAWN_LOG_LEVEL: 'error', // hostile apps fail on purpose: their warnings are noise here
      ...env,
    },
    {
      // Offline: the built-in templates generate (no model, and no key a default chain could pick).
      providerEnv: options.offline ? {} : {
        SPAWN_MODELS: 'openai:gpt-4.1',
        OPENAI_API_KEY: `sk-openai-SECRET-${tag}`,
        OPENAI_BASE_URL: fake.baseURL,
        ANTHROPIC_API_KEY: secrets[0],
        DATABASE_URL: secrets[1],
      },
    },
  );
  secrets.push(`sk-openai-SECRET-${tag}`);
  // A secret at rest next to the database: the host's data directory must stay out of reach.
  fs.writeFileSync(path.join(base.dataDir, '.env'), `ANTHROPIC_API_KEY=${secrets[0]}\nSECRET=${secrets[2]}\n`, { mode: 0o644 });

  const h: SecurityHarness = {
    ...base,
    runtime,
    fake,
    secrets,
    secretTag: tag,
    async deploy(appType, files, options = {}) {
      const marker = `sec-${randomUUID()}`;
      const text = typeof files === 'string' ? files : answerWith(files);
      fake.scriptWhen((request) => JSON.stringify(request.body).includes(marker), { text, chunkSize: 4096 });
      const created = await base.api<CreatedSession>('POST', '/api/sessions', {
        prompt: `adversarial test app ${marker}`,
        appType,
        ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return base.waitFor(created.body.id, options.until ?? ['running', 'failed'], options.timeoutMs ?? 45_000);
    },
    async sandboxOf(sessionId) {
      return (await base.platform.store.sandboxes.getLiveBySession(sessionId))?.id ?? null;
    },
    async destroy(sessionId, timeoutMs = 20_000) {
      const res = await base.api('DELETE', `/api/sessions/${sessionId}`);
      expect([202, 409]).toContain(res.status);
      return base.waitFor(sessionId, ['destroyed', 'failed'], timeoutMs);
    },
    async assertHealthy() {
      const health = await base.api<{ status: string }>('GET', '/healthz');
      expect(health.status).toBe(200);
      const probe = `healthy-${randomUUID()}`;
      const s = await h.deploy('webapp', { 'index.html': `<!doctype html><html><head><title>ok</title></head><body>${probe}</body></html>` });
      expect(s.state, JSON.stringify(s.error)).toBe('running');
      const page = await base.app(s.id, '/');
      expect(page.status).toBe(200);
      expect(page.text).toContain(probe);
    },
    async close() {
      try {
        // Sandboxes outlive the platform by design: end this file's own before its data dir goes.
        for (const record of await base.platform.store.sandboxes.listLive()) {
          await base.platform.sandboxes?.destroy(record.id).catch((err: unknown) => console.error(`cleanup of sandbox ${record.id} failed`, err));
        }
        await base.close();
      } finally {
        await fake.close();
        delete process.env.ANTHROPIC_API_KEY;
        delete process.env.DATABASE_URL_SECURITY_PROBE;
      }
    },
  };
  return h;
}

/** Polls an api app's JSON report (`/report`) until it says `done`. */
export async function appReport<T extends { done?: boolean }>(h: Harness, id: string, timeoutMs = 20_000, route = '/report'): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    const res = await h.app(id, route).catch((err: unknown) => ({ status: 0, text: String(err) }));
    last = `${res.status} ${res.text.slice(0, 300)}`;
    if (res.status === 200) {
      const body = JSON.parse(res.text) as T;
      if (body.done) return body;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`app ${id} did not report within ${timeoutMs} ms (last: ${last})`);
}

/**
 * A server.js that answers at once (the deploy health check) and serves `report` as JSON on
 * /report once `work` — a function body run at start-up, given `report` — has finished.
 */
export function reportingServer(work: string): string {
  return `const http = require('node:http');
const report = { done: false };
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(req.url === '/report' ? report : { ok: true }));
}).listen(Number(process.env.PORT));
(async () => {
${work}
})().catch((err) => { report.error = String(err && err.stack || err); }).finally(() => { report.done = true; });
`;
}

/** Waits until `check` holds, polling every 100 ms; returns its last verdict. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Bytes stored on the data directory's own disk (tmpfs mounts inside it are not counted). */
export function diskBytesUnder(dir: string): number {
  const device = fs.statSync(dir).dev;
  let total = 0;
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const stat = fs.lstatSync(full, { throwIfNoEntry: false });
      if (!stat || stat.dev !== device) continue;
      if (stat.isDirectory()) walk(full);
      else total += stat.blocks * 512;
    }
  };
  walk(dir);
  return total;
}

/** `needle` as a JS expression that never spells it out, so app code can search without containing it. */
export function hiddenString(needle: string): string {
  const half = Math.floor(needle.length / 2);
  return `[${JSON.stringify(needle.slice(0, half))}, ${JSON.stringify(needle.slice(half))}].join('')`;
}

/**
 * App-side JS defining `searchEverything(needles)`: looks for any needle in the environment, every
 * readable /proc/<pid>/environ and cmdline, and every readable file (under 256 KiB, skipping /proc,
 * /sys, /dev, /usr and node_modules), returning where each was found.
 */
export const SEARCH_JS = `
const fs = require('node:fs');
const pathMod = require('node:path');
function searchEverything(needles) {
  const hits = [];
  const check = (where, text) => { for (const n of needles) if (text.includes(n)) hits.push(where); };
  check('process.env', JSON.stringify(process.env));
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p))) {
    for (const f of ['environ', 'cmdline']) { try { check('/proc/' + pid + '/' + f, fs.readFileSync('/proc/' + pid + '/' + f, 'latin1')); } catch {} }
  }
  let files = 0;
  const skip = new Set(['/proc', '/sys', '/dev', '/usr']);
  const walk = (dir, depth) => {
    if (depth > 12 || files > 20000) return;
    let entries = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = pathMod.join(dir, e.name);
      if (skip.has(full) || e.name === 'node_modules') continue;
      check('name:' + full, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile()) {
        files++;
        try { if (fs.statSync(full).size < 262144) check(full, fs.readFileSync(full, 'latin1')); } catch {}
      }
    }
  };
  walk('/', 0);
  for (const dir of ['/dev/shm']) walk(dir, 0);
  return { hits, files };
}
`;
