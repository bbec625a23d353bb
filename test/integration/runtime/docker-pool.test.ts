import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL, type DockerDriver } from '../../../src/runtime/docker/index.ts';
import type { Sandbox } from '../../../src/runtime/index.ts';
import { requireService } from '../../support/services.ts';
import {
  assertNoLeakedContainers,
  buildRuntimeImage,
  docker,
  IMAGE_BUILD_TIMEOUT_MS,
  makeDockerDriver,
  ownContainers,
  TEST_TIER,
} from './docker-fixtures.ts';
import { testSpec } from './driver-suite.ts';
import { SERVER_JS, waitForHttp } from './sandbox-probes.ts';

const available = requireService('docker');

async function poolIds(): Promise<string[]> {
  return (await ownContainers())
    .filter((c) => c.Labels[LABEL.role] === 'pool' && c.Names.some((n) => n.startsWith('/spawnai-pool-')))
    .map((c) => c.Id);
}

async function exists(id: string): Promise<boolean> {
  return docker
    .getContainer(id)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

// Skipped only where the Docker engine is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('docker warm pool', () => {
  let driver: DockerDriver;
  const created: Sandbox[] = [];

  beforeAll(async () => {
    await buildRuntimeImage();
    driver = makeDockerDriver(2, [TEST_TIER]);
    await driver.init();
  }, IMAGE_BUILD_TIMEOUT_MS);

  afterAll(async () => {
    for (const s of created)
      await driver?.destroy(s.id).catch((err: unknown) => console.error(`cleanup of ${s.id} failed`, err));
    await driver?.close();
    await assertNoLeakedContainers();
  });

  it('starts the configured number of idle containers on init', async () => {
    expect(await poolIds()).toHaveLength(2);
  });

  it('a claimed pool container serves the app, under the session name', async () => {
    const before = await poolIds();
    const started = performance.now();
    const sandbox = await driver.create(testSpec());
    const claimMs = performance.now() - started;
    created.push(sandbox);
    expect(before).toContain(sandbox.id);
    await driver.writeFiles(sandbox, [{ path: 'server.js', content: SERVER_JS }]);
    const serverStarted = performance.now();
    const endpoint = await driver.startServer(sandbox, {
      command: ['node', 'server.js'],
    });
    expect((await waitForHttp(endpoint)).status).toBe(200);
    console.info(
      `[docker pool] claim ${claimMs.toFixed(0)} ms, startServer→first answer ${(performance.now() - serverStarted).toFixed(0)} ms`,
    );
    const info = await docker.getContainer(sandbox.id).inspect();
    expect(info.Name).toBe(`/spawnai-session-${sandbox.sessionId}`);
    expect((await driver.list()).find((s) => s.id === sandbox.id)?.sessionId).toBe(sandbox.sessionId);
  });

  it('never serves two sessions from one container, and refills with fresh ones', async () => {
    await driver.poolIdle();
    const pool = await poolIds();
    const a = await driver.create(testSpec());
    const b = await driver.create(testSpec());
    created.push(a, b);
    expect(a.id).not.toBe(b.id);
    expect(pool).toContain(a.id);
    expect(pool).toContain(b.id);

    expect(await driver.destroy(a.id)).toBe(true);
    expect(await exists(a.id)).toBe(false);
    await driver.poolIdle();
    const refilled = await poolIds();
    expect(refilled).toHaveLength(2);
    expect(refilled).not.toContain(a.id);
    expect(refilled).not.toContain(b.id);
    const c = await driver.create(testSpec());
    created.push(c);
    expect([a.id, b.id]).not.toContain(c.id);
  });

  it('a claim applies the spec limits when they differ from the pool container', async () => {
    await driver.poolIdle();
    const sandbox = await driver.create(testSpec({ memoryMb: 128, pids: 64 }));
    created.push(sandbox);
    const info = await docker.getContainer(sandbox.id).inspect();
    expect(info.HostConfig).toMatchObject({
      Memory: 128 * 1024 * 1024,
      PidsLimit: 64,
    });
  });

  /** Starts a driver with a pool in a child process, SIGKILLs it; returns its pid and pool. */
  async function deadInstance(): Promise<{ pid: number; pool: string[] }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./docker-pool-child.ts', import.meta.url))],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
      });
      return { pid: child.pid ?? 0, pool: (JSON.parse(line) as { pool: string[] }).pool };
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
      );
    }
  }
  const guardOf = (pid: number): boolean =>
    ['INPUT', 'DOCKER-USER'].some((chain) =>
      execFileSync('iptables', ['-w', '5', '-S', chain], { encoding: 'utf8' }).includes(`:${pid}:`),
    );

  it.each([
    ['a new driver instance starting', async (): Promise<void> => {
      const next = makeDockerDriver(0);
      await next.init();
      await next.close();
    }],
    ["a running driver's reaper pass", async (): Promise<void> => {
      expect(await driver.sweepStale()).toBeGreaterThanOrEqual(3); // 2 pool containers + ≥1 rule
    }],
  ])('%s removes the pool and firewall rules of a process that died', async (_when, sweep) => {
    const dead = await deadInstance();
    try {
      expect(dead.pool).toHaveLength(2);
      for (const id of dead.pool) expect(await exists(id)).toBe(true);
      expect(guardOf(dead.pid)).toBe(true);
      await sweep();
      for (const id of dead.pool) expect(await exists(id), `stale pool container ${id}`).toBe(false);
      expect(guardOf(dead.pid), 'firewall rule of the dead process').toBe(false);
    } finally {
      for (const id of dead.pool)
        await docker
          .getContainer(id)
          .remove({ force: true, v: true })
          .catch(() => undefined);
    }
  }, 120_000);
});
