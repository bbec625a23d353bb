import { hostname } from 'node:os';
import Docker from 'dockerode';
import pino from 'pino';
import { expect } from 'vitest';
import {
  createDockerDriver,
  ensureRuntimeImage,
  LABEL,
  type DockerDriver,
  type PoolShape,
} from '../../../src/runtime/docker/index.ts';

export const docker = new Docker();
export const silentLogger = pino({ level: 'silent' });
/** A clean machine builds the image with debootstrap first: minutes, not the default hook time. */
export const IMAGE_BUILD_TIMEOUT_MS = 15 * 60_000;
export const TEST_TIER: PoolShape = {
  tier: 'test',
  network: 'none',
  memoryMb: 256,
  cpus: 1,
  pids: 128,
};

export async function buildRuntimeImage(): Promise<void> {
  await ensureRuntimeImage(docker, silentLogger);
}

export function makeDockerDriver(poolSize: number, tiers: PoolShape[] = [], options: { launcher?: boolean } = {}): DockerDriver {
  return createDockerDriver({
    dataDir: '/nonexistent',
    logger: silentLogger,
    pool: { size: poolSize, tiers },
    ...options,
  });
}

/** Containers made by driver instances of this test process (owner label `host:pid:id`). */
export async function ownContainers(): Promise<Docker.ContainerInfo[]> {
  const all = await docker.listContainers({
    all: true,
    filters: { label: [`${LABEL.managed}=true`] },
  });
  return all.filter((c) => (c.Labels[LABEL.owner] ?? '').startsWith(`${hostname()}:${process.pid}:`));
}

/** afterAll: nothing this process created may survive the file; removes leftovers, then fails. */
export async function assertNoLeakedContainers(): Promise<void> {
  const leaked = await ownContainers();
  for (const c of leaked)
    await docker
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .catch(() => undefined);
  expect(leaked.map((c) => `${c.Names.join(',')} (${c.Labels[LABEL.role]})`)).toEqual([]);
}

/** Runs node's net.connect inside the sandbox: CONNECTED, or the error code / timeout. */
export const CONNECT_PROBE = [
  'const [h, p] = process.argv.slice(1);',
  'const s = require("net").connect(+p, h);',
  's.setTimeout(1500);',
  's.on("connect", () => { console.log("CONNECTED"); process.exit(0); });',
  's.on("timeout", () => { console.log("TIMEOUT"); process.exit(1); });',
  's.on("error", (e) => { console.log(e.code); process.exit(1); });',
].join('\n');
