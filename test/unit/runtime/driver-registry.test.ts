import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createProcessDriver, DRIVERS, selectDriver, type DriverEntry } from '../../../src/runtime/index.ts';
import type { SandboxDriver } from '../../../src/runtime/index.ts';

const options = {
  dataDir: join(tmpdir(), 'spawnai-registry-unused'),
  logger: pino({ level: 'silent' }),
};

describe('selectDriver', () => {
  const original = DRIVERS.docker;
  afterEach(() => {
    if (original) DRIVERS.docker = original;
    else delete DRIVERS.docker;
  });

  function fakeDocker(available: boolean): DriverEntry {
    return {
      create: () => ({ name: 'fake-docker' }) as SandboxDriver,
      isAvailable: async () => available,
    };
  }

  it('returns the explicitly chosen driver', async () => {
    expect((await selectDriver('process', options)).name).toBe('process');
  });

  it('auto prefers docker when its engine answers', async () => {
    DRIVERS.docker = fakeDocker(true);
    expect((await selectDriver('auto', options)).name).toBe('fake-docker');
  });

  it('auto falls back to process when docker is missing or not answering', async () => {
    delete DRIVERS.docker;
    expect((await selectDriver('auto', options)).name).toBe('process');
    DRIVERS.docker = fakeDocker(false);
    expect((await selectDriver('auto', options)).name).toBe('process');
  });

  it('names the known drivers when the choice is unknown', async () => {
    delete DRIVERS.docker;
    await expect(selectDriver('docker', options)).rejects.toThrow(/process/);
  });
});

describe('the process driver', () => {
  it('reports its capabilities before init', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spawnai-caps-'));
    try {
      // The warm pool's launcher runs inside a bubblewrap sandbox: a pool with bwrap, none without.
      const capabilities = DRIVERS.process?.create({ ...options, dataDir: dir }).capabilities;
      expect(capabilities?.supportsPause).toBe(true);
      expect(capabilities?.supportsWarmPool).toBe(capabilities?.isolation === 'namespaces');
      expect(createProcessDriver({ ...options, dataDir: dir, useBwrap: false }).capabilities).toMatchObject({ isolation: 'none', supportsWarmPool: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
