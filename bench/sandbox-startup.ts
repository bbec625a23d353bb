/**
 * Sandbox start-up: how long until a tiny Node HTTP app answers its first 200, measured with the
 * drivers directly (no platform, no LLM), 20 sequential and 20 concurrent starts each:
 *   - docker, warm-pool claim: create (claim) → write files → start → first 200
 *   - docker, cold start (pool disabled): the same steps, the container created on demand
 *   - process driver (bubblewrap + cgroups when present): the same steps
 * Baseline, same run: a plain `docker run` of the same image (Engine API create + start with the
 * app as its command, on the same sandbox network) → first 200. Traffic stays on the sandbox
 * networks and loopback.
 *
 *   npx tsx bench/sandbox-startup.ts [--quick] [--n 20]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import pino from 'pino';
import { createDockerDriver, SANDBOX_NETWORKS, type DockerDriver, type PoolShape } from '../src/runtime/docker/index.ts';
import { createProcessDriver, type Sandbox, type SandboxDriver, type SandboxEndpoint, type SandboxSpec } from '../src/runtime/index.ts';
import { fmt, machine, summary } from './bench-kit.ts';

const quick = process.argv.includes('--quick');
const nArg = process.argv.indexOf('--n');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : quick ? 5 : 20;
const APP = "require('http').createServer((req, res) => res.end('ok')).listen(process.env.PORT);\n";
const SHAPE: PoolShape = { tier: 'bench', network: 'none', memoryMb: 256, cpus: 0.5, pids: 128 };
const logger = pino({ level: 'warn' });
const docker = new Docker();

function get(endpoint: SandboxEndpoint): Promise<number> {
  return new Promise((resolve) => {
    const target = 'socketPath' in endpoint ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port };
    const req = http.get({ ...target, path: '/', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

async function until200(endpoint: SandboxEndpoint, deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if ((await get(endpoint)) === 200) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no 200 from ${JSON.stringify(endpoint)} within the deadline`);
}

function spec(): SandboxSpec {
  return { sessionId: `bench-${randomUUID()}`, kind: 'server', ...SHAPE, expiresAt: new Date(Date.now() + 600_000) };
}

/** create → write → start → first 200 through the driver; the sandbox is left for the caller. */
async function driverStart(driver: SandboxDriver): Promise<{ ms: number; createMs: number; sandbox: Sandbox }> {
  const t0 = performance.now();
  const sandbox = await driver.create(spec());
  const createMs = performance.now() - t0;
  await driver.writeFiles(sandbox, [{ path: 'server.js', content: APP }]);
  const endpoint = await driver.startServer(sandbox, { command: ['node', 'server.js'] });
  await until200(endpoint, 10_000).catch(async (err: unknown) => {
    console.error(await driver.health(sandbox));
    throw err;
  });
  return { ms: performance.now() - t0, createMs, sandbox };
}

/** A plain container of the same image with the app as its command (what `docker run` does). */
async function plainRun(image: string): Promise<{ ms: number; id: string }> {
  const t0 = performance.now();
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['node', '-e', APP],
    Env: ['PORT=8080'],
    User: '1000:1000',
    Labels: { 'spawnai.bench': 'true' },
    HostConfig: { NetworkMode: SANDBOX_NETWORKS.none.name },
  });
  await container.start();
  const info = await container.inspect();
  const host = info.NetworkSettings.Networks[SANDBOX_NETWORKS.none.name]?.IPAddress ?? '';
  await until200({ kind: 'tcp', host, port: 8080 });
  return { ms: performance.now() - t0, id: container.id };
}

/** One retry per sample: on a shared engine another installation's reaper may remove a container mid-run. */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    console.error(`sample failed, retrying once: ${(err as Error).message}`);
    return run();
  }
}

async function sequential<T extends { ms: number }>(run: () => Promise<T>, cleanup: (r: T) => Promise<unknown>, between?: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < N; i++) {
    await between?.();
    const r = await withRetry(run);
    out.push(r.ms);
    await cleanup(r);
  }
  return out;
}

async function concurrent<T extends { ms: number }>(run: () => Promise<T>, cleanup: (r: T) => Promise<unknown>): Promise<number[]> {
  const results = await Promise.all(Array.from({ length: N }, () => withRetry(run)));
  await Promise.all(results.map(cleanup));
  return results.map((r) => r.ms);
}

async function imageOf(driver: DockerDriver): Promise<string> {
  const probe = await driver.create(spec());
  const image = (await docker.getContainer(probe.id).inspect()).Config.Image;
  await driver.destroy(probe.id);
  return image;
}

const rows: { name: string; mode: 'sequential' | 'concurrent'; samples: number[] }[] = [];
const removePlain = (r: { id: string }): Promise<unknown> => docker.getContainer(r.id).remove({ force: true });

const pooled = createDockerDriver({ dataDir: '/nonexistent', logger, pool: { size: N, tiers: [SHAPE] } });
const cold = createDockerDriver({ dataDir: '/nonexistent', logger, pool: { size: 0 } });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-bench-'));
fs.chmodSync(dataDir, 0o755);
const proc = createProcessDriver({ dataDir, logger });
try {
  await cold.init();
  await pooled.init();
  await proc.init();
  const image = await imageOf(cold);
  const destroyWith = (driver: SandboxDriver) => (r: { sandbox: Sandbox }) => driver.destroy(r.sandbox.id);
  for (const mode of ['sequential', 'concurrent'] as const) {
    const measure = mode === 'sequential' ? sequential : concurrent;
    rows.push({ name: 'plain `docker run` (create + start) → 200', mode, samples: await measure(() => plainRun(image), removePlain) });
    rows.push({ name: 'docker driver, cold start → 200', mode, samples: await measure(() => driverStart(cold), destroyWith(cold)) });
    await pooled.poolIdle();
    // Sequential claims each find a full pool (refill finished); concurrent ones share one full pool.
    const claimMs: number[] = [];
    const poolStart = async (): Promise<{ ms: number; sandbox: Sandbox }> => {
      const r = await driverStart(pooled);
      claimMs.push(r.createMs);
      return r;
    };
    const poolSamples = mode === 'sequential' ? await sequential(poolStart, destroyWith(pooled), () => pooled.poolIdle()) : await concurrent(poolStart, destroyWith(pooled));
    rows.push({ name: 'docker driver, warm-pool claim → 200', mode, samples: poolSamples });
    rows.push({ name: '… of which the claim itself (`create()`)', mode, samples: claimMs });
    rows.push({ name: `process driver (${proc.capabilities.isolation}) → 200`, mode, samples: await measure(() => driverStart(proc), destroyWith(proc)) });
  }
} finally {
  await pooled.close();
  await cold.close();
  await proc.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\n## Sandbox start-up (${new Date().toISOString().slice(0, 10)}, ${N} sequential and ${N} concurrent starts each)\n\nMachine: ${machine()}\n`);
console.log('| measure | starts | p50 ms | p95 ms | p50 vs plain `docker run` |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
  const s = summary(row.samples);
  const base = summary(rows.find((r) => r.mode === row.mode && r.name.startsWith('plain'))?.samples ?? []);
  console.log(`| ${row.name} | ${N} ${row.mode} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${(s.p50 / base.p50).toFixed(2)}× |`);
}
