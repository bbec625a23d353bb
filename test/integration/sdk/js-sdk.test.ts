import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpawnClient, executeFunction, sessionEvents, SpawnApiError, unwrap, waitForStudy, waitForTask, type SpawnClient } from '../../../sdk/js/index.ts';
import { createToken } from '../../../src/server/auth.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

describe('the TypeScript SDK (sdk/js) against a real server', () => {
  let h: Harness;
  let spawn: SpawnClient;
  beforeAll(async () => {
    h = await startHarness({ SPAWN_RUNTIME: 'process' });
    spawn = createSpawnClient({ baseUrl: h.base, token: await createToken(h.platform.store, `js-${randomUUID()}`) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers, executes and waits with typed calls; errors carry the server code', async () => {
    const code = 'def main(inputs):\n    return {"double": inputs["x"] * 2}\n';
    const fn = unwrap(await spawn.POST('/api/functions', { body: { name: `js-${randomUUID()}`, runtime: 'python', code } }));
    const started = await executeFunction(spawn, fn.id, { x: 21 });
    const task = await waitForTask(spawn, started.taskId, { timeoutMs: 60_000 });
    expect(task).toMatchObject({ state: 'completed', outputs: { double: 42 } });
    const study = unwrap(await spawn.POST('/api/studies', { body: { functionId: fn.id, parameters: { x: [1, 2, 3] } } }));
    expect((await waitForStudy(spawn, study.id, { timeoutMs: 60_000 })).rows.map((r) => r.outputs)).toEqual([{ double: 2 }, { double: 4 }, { double: 6 }]);
    const refused = await spawn.GET('/api/functions/{id}', { params: { path: { id: 'fn_nope' } } });
    const error = (() => {
      try {
        unwrap(refused);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(SpawnApiError);
    expect(error).toMatchObject({ code: 'FUNCTION_NOT_FOUND', status: 404 });
  });

  it('follows a session over SSE until it runs', async () => {
    const token = await createToken(h.platform.store, `sse-${randomUUID()}`);
    const client = createSpawnClient({ baseUrl: h.base, token });
    const created = unwrap(await client.POST('/api/sessions', { body: { prompt: 'a simple todo list app' } }));
    const controller = new AbortController();
    const states: string[] = [];
    for await (const event of sessionEvents(created.id, { baseUrl: h.base, token, signal: controller.signal })) {
      if (event.type === 'state') states.push(String((event.data as { state?: string }).state));
      if (states.includes('running') || states.includes('failed')) break;
    }
    controller.abort();
    expect(states).toContain('running');
    unwrap(await client.DELETE('/api/sessions/{id}', { params: { path: { id: created.id } } }));
  });
});
