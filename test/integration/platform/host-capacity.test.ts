import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession, TaskView } from '../../../src/api-types.ts';
import { availableMemoryMb } from '../../../src/runtime/index.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { functionClient, NODE_MUL } from '../functions/function-client.ts';

/** A floor no machine reaches: every new sandbox is refused, as on a host out of memory. */
const UNREACHABLE_FLOOR_MB = 1 << 30;

describe('host memory floor (SPAWN_MIN_FREE_MEMORY_MB)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SPAWN_MIN_FREE_MEMORY_MB: String(UNREACHABLE_FLOOR_MB), SPAWN_MAX_ACTIVE_SESSIONS: '10' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads MemAvailable: more than nothing, less than the floor used here', () => {
    const mb = availableMemoryMb();
    expect(mb).toBeGreaterThan(0);
    expect(mb).toBeLessThan(UNREACHABLE_FLOOR_MB);
  });

  it('an api app on a host under the floor fails with HOST_CAPACITY_EXHAUSTED, and no sandbox is left', async () => {
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a notes REST API', appType: 'api' });
    expect(created.status).toBe(201);
    const end = await h.waitFor(created.body.id, ['running', 'failed']);
    expect(end.state).toBe('failed');
    expect(end.error?.code).toBe('HOST_CAPACITY_EXHAUSTED');
    expect(end.error?.message).toMatch(/MiB of memory available, under its \d+ MiB floor/);
    expect(await h.platform.store.sandboxes.listLive()).toEqual([]);
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  });

  it('a static webapp needs no sandbox and still deploys', async () => {
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a simple todo list app', appType: 'webapp' });
    expect((await h.waitFor(created.body.id, ['running', 'failed'])).state).toBe('running');
    expect((await h.app(created.body.id)).status).toBe(200);
  });

  it('a function call gets the same code instead of a runtime', async () => {
    const fc = functionClient(h);
    const fn = await fc.register({ runtime: 'node', code: NODE_MUL });
    const task: TaskView = await fc.run(fn.id, { a: 2, b: 3 });
    expect(task.state).toBe('failed');
    expect(task.error?.code).toBe('HOST_CAPACITY_EXHAUSTED');
  });
});
