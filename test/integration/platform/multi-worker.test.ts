import fs from 'node:fs';
import pg from 'pg';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, SessionView } from '../../../src/api-types.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';
import { ownSpace, type OwnSpace } from '../../support/shared-services.ts';
import { asksFor, slowApiAnswer, slowWebappAnswer } from '../../support/slow-app-answers.ts';
import { livePoolSandboxes } from '../../support/process-pool.ts';
import { unmountAllUnder } from '../../support/sandbox-mounts.ts';
import { freePort, spawnSpawnai, waitHealthy, waitWorkerReady, type NodeProcess } from '../../support/spawn-node.ts';

const ready = requireService('postgres') && requireService('redis') && requireService('bwrap');

function appStatus(port: number, id: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/', headers: { host: `${id}.localhost:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function api<T>(port: number, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${route}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return (await res.json()) as T;
}

// Skipped only where a service it needs is missing; requireService() fails the run in CI instead.
describe.skipIf(!ready)('one API node and two workers on PostgreSQL + Redis', () => {
  const nodes: NodeProcess[] = [];
  let fake: FakeOpenAI;
  let dataDir: string;
  let space: OwnSpace | undefined;

  beforeAll(async () => {
    space = await ownSpace('mw');
    fake = await FakeOpenAI.start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-mw-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await fake?.close();
    await space?.drop();
    unmountAllUnder(dataDir); // a SIGKILLed node leaves its sandboxes' tmpfs mounts to the reaper
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('complete sessions together, and a worker SIGKILLed mid-job has its sessions finished by the other', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: space!.databaseUrl,
      REDIS_URL,
      SPAWN_REDIS_NAMESPACE: space!.namespace,
      SPAWN_DATA_DIR: dataDir,
      SPAWN_PORT: String(port),
      SPAWN_RUNTIME: 'process',
      SPAWN_MODELS: 'openai:gpt-4.1',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      SPAWN_RECONCILE_INTERVAL_SECONDS: '1',
      SPAWN_JOB_LOCK_SECONDS: '5',
      SPAWN_WORKER_CONCURRENCY: '2',
      SPAWN_MAX_ACTIVE_SESSIONS: '20',
      SPAWN_MAX_NEW_SESSIONS: '50',
    };
    const apiNode = spawnSpawnai(['up', '--no-worker'], env);
    nodes.push(apiNode);
    await waitHealthy(port, apiNode);
    const workers = [spawnSpawnai(['worker'], env), spawnSpawnai(['worker'], env)];
    nodes.push(...workers);
    // Both take jobs before any is queued: otherwise the first one up takes them all.
    await Promise.all(workers.map((w) => waitWorkerReady(w)));

    // Slow answers so the kill lands mid-generation; spares for the re-driven sessions.
    for (let i = 0; i < 2; i++) fake.scriptWhen(asksFor('api'), slowApiAnswer(`App ${i}`, 6)).scriptWhen(asksFor('webapp'), slowWebappAnswer(`App ${i}`, 6));
    for (let i = 0; i < 2; i++) fake.scriptWhen(asksFor('api'), slowApiAnswer(`Again ${i}`, 0.3)).scriptWhen(asksFor('webapp'), slowWebappAnswer(`Again ${i}`, 0.3));
    const created: CreatedSession[] = [];
    for (let i = 0; i < 4; i++) created.push(await api<CreatedSession>(port, 'POST', '/api/sessions', { prompt: `app number ${i}`, appType: i % 2 ? 'api' : 'webapp' }));

    // Wait until both workers hold sessions mid-generation, then SIGKILL the first.
    const victim = `:${workers[0]!.proc.pid}:`;
    const db = new pg.Client({ connectionString: space!.databaseUrl });
    await db.connect();
    const held = async (): Promise<string[]> =>
      (await db.query<{ worker_id: string }>(`SELECT worker_id FROM sessions WHERE state IN ('provisioning','generating')`)).rows.map((r) => r.worker_id);
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      const owners = await held();
      if (owners.some((w) => w.includes(victim)) && owners.some((w) => !w.includes(victim))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const owners = await held();
    await db.end();
    expect(owners.some((w) => w.includes(victim)), `owners: ${owners.join(', ')}`).toBe(true);
    expect(owners.some((w) => !w.includes(victim))).toBe(true);
    await workers[0]!.kill('SIGKILL');

    const finals: SessionView[] = [];
    for (const c of created) {
      const deadline = Date.now() + 60_000;
      let v = await api<SessionView>(port, 'GET', `/api/sessions/${c.id}`);
      while (!['running', 'failed'].includes(v.state) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        v = await api<SessionView>(port, 'GET', `/api/sessions/${c.id}`);
      }
      finals.push(v);
    }
    for (const v of finals) expect(v.state, `${v.id}: ${JSON.stringify(v.error)}`).toBe('running');

    // The API node serves every app, whichever worker deployed it.
    for (const v of finals) expect(await appStatus(port, v.id)).toBe(200);
    // The killed worker's sandbox was destroyed when its session was re-driven: one sandbox per
    // live api session remains, and no process runs for any other.
    // A sandbox its creator never got to record is reaped once it is 30 s old: wait for that.
    const expected = finals.filter((v) => v.appType === 'api').length;
    const sandboxRoot = path.join(dataDir, 'sandboxes');
    // The live workers' idle warm-pool sandboxes belong to no session: not counted (the killed one's are).
    const sessionDirs = (): string[] => {
      const pools = livePoolSandboxes(sandboxRoot);
      return fs.readdirSync(sandboxRoot).filter((d) => !pools.has(d));
    };
    for (const until = Date.now() + 45_000; sessionDirs().length !== expected && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 500));
    }
    const dirs = sessionDirs();
    expect(dirs).toHaveLength(expected);
    const sandboxOwners = new Set(dirs.map((d) => (JSON.parse(fs.readFileSync(path.join(dataDir, 'sandboxes', d, 'sandbox.json'), 'utf8')) as { sessionId: string }).sessionId));
    expect([...sandboxOwners].sort()).toEqual(finals.filter((v) => v.appType === 'api').map((v) => v.id).sort());
    const health = await api<{ status: string; runtime: string }>(port, 'GET', '/healthz');
    expect(health.status).toBe('ok');
    fake.assertNoUnexpected();
  }, 150_000);
});
