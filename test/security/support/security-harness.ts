import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { AppType, CreatedSession, SessionView } from '../../../src/api-types.ts';
import type { SpawnEnv } from '../../../src/config/index.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { RUNTIMES, type RuntimeName } from '../../support/runtimes.ts';

export { RUNTIMES, type RuntimeName };

/** Starting a harness may build the Docker runtime image first (minutes on a new machine). */
export const START_TIMEOUT_MS = 15 * 60_000;

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
      providerEnv: options.offline
        ? {}
        : {
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
  fs.writeFileSync(path.join(base.dataDir, '.env'), `ANTHROPIC_API_KEY=${secrets[0]}\nSECRET=${secrets[2]}\n`, {
    mode: 0o644,
  });

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
      const s = await h.deploy('webapp', {
        'index.html': `<!doctype html><html><head><title>ok</title></head><body>${probe}</body></html>`,
      });
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

export { appReport, diskBytesUnder, eventually, hiddenString, reportingServer, SEARCH_JS } from './app-probes.ts';

/**
 * One `describe` per runtime, each with its own harness started before and closed after the
 * block. `h` stands for the harness of the runtime being run (it exists once `beforeAll` ran).
 */
export function describeOnEachRuntime(title: string, body: (h: SecurityHarness, runtime: { name: RuntimeName }) => void, env: Partial<SpawnEnv> = {}): void {
  for (const runtime of RUNTIMES) {
    // Skipped only where this runtime cannot run here; requireService() fails the run in CI instead.
    describe.skipIf(!runtime.available)(`${title} [${runtime.name}]`, () => {
      let current: SecurityHarness | undefined;
      beforeAll(async () => {
        current = await startSecurityHarness(runtime.name, env);
      }, START_TIMEOUT_MS);
      afterAll(async () => {
        await current?.close();
      });
      const h = new Proxy({} as SecurityHarness, {
        get(_target, key) {
          if (!current) throw new Error(`the ${runtime.name} harness is not started yet`);
          const value: unknown = Reflect.get(current, key);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
        },
      });
      body(h, runtime);
    });
  }
}
