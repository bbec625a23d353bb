import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL, createDockerDriver, type DockerDriver } from '../../../src/runtime/docker/index.ts';
import type { Sandbox } from '../../../src/runtime/index.ts';
import { requireService } from '../../support/services.ts';
import { assertNoLeakedContainers, buildRuntimeImage, docker, IMAGE_BUILD_TIMEOUT_MS, ownContainers, silentLogger, TEST_TIER } from './docker-fixtures.ts';
import { testSpec } from './driver-suite.ts';

const available = requireService('docker');

function driverWith(poolSize: number, coldStartLimit: number): DockerDriver {
  return createDockerDriver({
    dataDir: '/nonexistent',
    logger: silentLogger,
    // max 0 with size 0: no pool at all (a max alone would let demand grow one).
    pool: { size: poolSize, max: poolSize > 0 ? 8 : 0, tiers: poolSize > 0 ? [TEST_TIER] : [] },
    coldStartLimit,
    launcher: true,
  });
}

async function createdAt(id: string): Promise<number> {
  const info = await docker.getContainer(id).inspect();
  // Created has nanoseconds: compare as a string-sortable ISO date would lose them in Date.parse.
  return Number(info.Created.replace(/\D/g, '').padEnd(23, '0').slice(0, 23));
}

// Skipped only where the Docker engine is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('docker cold-start cap', () => {
  const drivers: DockerDriver[] = [];
  const sandboxes: [DockerDriver, Sandbox][] = [];

  beforeAll(async () => {
    await buildRuntimeImage();
  }, IMAGE_BUILD_TIMEOUT_MS);

  afterAll(async () => {
    for (const [driver, s] of sandboxes) await driver.destroy(s.id).catch((err: unknown) => console.error(`cleanup of ${s.id} failed`, err));
    for (const driver of drivers) await driver.close();
    await assertNoLeakedContainers();
  });

  it('never runs more container starts at once than its cap; the rest queue and all succeed', async () => {
    const driver = driverWith(0, 2);
    drivers.push(driver);
    await driver.init();
    const created = await Promise.all(Array.from({ length: 5 }, () => driver.create(testSpec())));
    for (const s of created) sandboxes.push([driver, s]);
    expect(new Set(created.map((s) => s.id)).size).toBe(5);
    // Each really is a launcher container that started (the launcher listened before create returned).
    for (const s of created) expect((await docker.getContainer(s.id).inspect()).State.Running).toBe(true);
    expect(driver.startStats()).toEqual({ limit: 2, peak: 2, running: 0, queued: 0 });
  });

  it("starts claims' cold containers before the pool's refills (the pool never starves a claim)", async () => {
    const driver = driverWith(1, 1);
    drivers.push(driver);
    await driver.init();
    const ownPool = async (): Promise<string[]> =>
      (await ownContainers()).filter((c) => c.Labels[LABEL.role] === 'pool' && c.Names.some((n) => n.startsWith('/spawnai-pool-'))).map((c) => c.Id);
    const before = new Set(await ownPool());
    // One claim takes the idle container, two cold-start; each claim asks the pool to grow.
    const created = await Promise.all(Array.from({ length: 3 }, () => driver.create(testSpec())));
    for (const s of created) sandboxes.push([driver, s]);
    await driver.poolIdle();
    const refills = (await ownPool()).filter((id) => !before.has(id));
    expect(refills.length).toBeGreaterThan(0);
    const cold = created.filter((s) => !before.has(s.id));
    expect(cold).toHaveLength(2);
    const lastCold = Math.max(...(await Promise.all(cold.map((s) => createdAt(s.id)))));
    for (const id of refills) expect(await createdAt(id)).toBeGreaterThan(lastCold);
    expect(driver.startStats().peak).toBe(1);
  });
});
