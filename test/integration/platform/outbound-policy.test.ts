import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.ts';
import { createLogger } from '../../../src/log/index.ts';
import { createPlatform } from '../../../src/orchestrator/index.ts';

/** `outbound` apps must never share the host's network: runtimes that cannot prevent it are refused. */
describe('SPAWN_SANDBOX_NETWORK=outbound and the runtime', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-outbound-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({}, { SPAWN_RUNTIME: 'process', SPAWN_SANDBOX_NETWORK: 'outbound', SPAWN_DATA_DIR: dataDir, SPAWN_PORT: '0' });
  const logger = createLogger('silent');

  it('a worker on the process runtime refuses to start, saying why and what to use instead', async () => {
    const start = createPlatform(config, logger, { worker: true, env: {} });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/SPAWN_SANDBOX_NETWORK=outbound .* process runtime would share the host's network .* SPAWN_RUNTIME=docker/);
    // Refused before anything was opened: no database file was created.
    expect(fs.existsSync(path.join(dataDir, 'spawnai.db'))).toBe(false);
  });

  it('an API-only node runs no sandbox, so it starts with the same settings', async () => {
    const platform = await createPlatform(config, logger, { worker: false, env: {} });
    expect(platform.runtime.name).toBe('none');
    await platform.close();
  });
});
