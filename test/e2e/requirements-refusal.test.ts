import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpawnClient, executeFunction, unwrap, waitForTask, type SpawnClient } from '../../sdk/js/index.ts';
import { startSpawnServer, type RunningServer } from './support/spawn-server.ts';

/** A path where no bubblewrap is: the server must refuse to build rather than run pip unconfined. */
const MISSING_BWRAP = '/nonexistent/spawnai-test/bwrap';

/**
 * A host whose installer sandbox cannot find bubblewrap, through a real `spawnai up` and the
 * TypeScript SDK: a function with requirements ends with FUNCTION_BUILD_FAILED and the message
 * says how to fix the host. The index is a closed port, so an unconfined pip would fail differently.
 */
describe('requirements on a server without bubblewrap', () => {
  let server: RunningServer;
  let spawn: SpawnClient;

  beforeAll(async () => {
    server = await startSpawnServer({ SPAWN_RUNTIME: 'process', SPAWN_INSTALLER_BWRAP: MISSING_BWRAP, SPAWN_PIP_INDEX_URL: 'http://127.0.0.1:9/simple' });
    spawn = createSpawnClient({ baseUrl: server.baseUrl });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('fails the call with FUNCTION_BUILD_FAILED and says to install bubblewrap or opt out', async () => {
    const body = { name: 'needs-pint', runtime: 'python' as const, code: 'import pint\n\ndef main(inputs):\n    return {}\n', requirements: ['pint>=0.23'] };
    const fn = unwrap(await spawn.POST('/api/functions', { body }));
    const started = await executeFunction(spawn, fn.id, {}, 30);
    const task = started.task ?? (await waitForTask(spawn, started.taskId, { timeoutMs: 60_000 }));

    expect(task.state).toBe('failed');
    expect(task.error?.code).toBe('FUNCTION_BUILD_FAILED');
    expect(task.error?.message).toContain(`bubblewrap (bwrap) is not installed at ${MISSING_BWRAP}`);
    expect(task.error?.message).toContain('install bubblewrap (apt-get install bubblewrap), or set SPAWN_INSTALLER_SANDBOX=none');
    // Refused before any install: no layer, and the build is not recorded as failed (it runs once the host is fixed).
    const view = unwrap(await spawn.GET('/api/functions/{id}', { params: { path: { id: fn.id } } }));
    expect(view.build?.layer ?? null).toBeNull();
    expect(view.build?.state).not.toBe('failed');
  }, 90_000);
});
