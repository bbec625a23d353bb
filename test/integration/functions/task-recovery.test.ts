import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { createFunctions, type Functions } from '../../../src/functions/index.ts';
import { createQueue, type JobQueue } from '../../../src/queue/index.ts';
import { createStore, type FunctionVersionRecord, type Store, type StoreOptions } from '../../../src/store/index.ts';
import { POSTGRES_URL, requireService } from '../../support/services.ts';

const logger = pino({ level: 'silent' });
const CODE = 'def main(inputs):\n    return {"sum": inputs["a"] + inputs["b"]}\n';

/** Runs `fn` with the clock a minute back, as a worker that then died would have. */
async function inThePast<T>(fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 60_000 });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

const targets: { name: string; available: boolean; open(): Promise<{ options: StoreOptions; drop(): Promise<void> }> }[] = [
  {
    name: 'sqlite',
    available: true,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'spawnai-fn-store-'));
      return { options: { sqliteFile: join(dir, 'db.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    available: requireService('postgres'),
    async open() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const drop = async (): Promise<void> => {
        const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
      };
      return { options: { databaseUrl: POSTGRES_URL, pgSchema: schema }, drop };
    },
  },
];

for (const target of targets) {
  // Skipped only where this backend's service is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`task recovery and registration races on ${target.name}`, () => {
    let store: Store;
    let queue: JobQueue;
    let drop: () => Promise<void>;
    let retrying: Functions;
    let failing: Functions;
    let fn: FunctionVersionRecord;

    beforeAll(async () => {
      const db = await target.open();
      drop = db.drop;
      store = await createStore(db.options);
      await store.migrate();
      queue = createQueue({});
      const make = (attempts: string): Functions =>
        createFunctions({ store, queue, config: loadConfig({}, { SPAWN_TASK_ATTEMPTS: attempts }), logger, workerId: 'api-only', sandboxes: null });
      retrying = make('2');
      failing = make('1');
      fn = await retrying.registry.register('alice', { name: 'add', runtime: 'python', code: CODE });
    });
    afterAll(async () => {
      await Promise.allSettled([retrying?.close(), failing?.close(), queue?.close()]);
      await store?.close();
      await drop?.();
    });

    it('a task whose worker died is re-queued once, then failed with a reason — never left running', async () => {
      const task = (await retrying.tasks.submit(fn, { a: 1, b: 2 }, {}))!;
      expect(await inThePast(() => store.tasks.claim(task.id, 'worker-1', new Date(0)))).not.toBeNull();
      const depthBefore = await queue.depth();
      await retrying.sweep();
      expect((await store.tasks.get(task.id))?.state).toBe('queued');
      expect(await queue.depth()).toBe(depthBefore + 1);
      await inThePast(() => store.tasks.claim(task.id, 'worker-2', new Date(0)));
      await retrying.sweep();
      const lost = await store.tasks.get(task.id);
      expect(lost).toMatchObject({ state: 'failed', errorCode: 'TASK_WORKER_LOST', errorMessage: expect.stringContaining('attempt 2 of 2') });
    });

    it('a live worker keeps its task: a fresh heartbeat is never swept', async () => {
      const task = (await failing.tasks.submit(fn, { a: 5, b: 5 }, {}))!;
      await store.tasks.claim(task.id, 'alive', new Date(0));
      await failing.sweep();
      expect((await store.tasks.get(task.id))?.state).toBe('running');
    });

    it('a lost step fails its run, and its dependants are skipped', async () => {
      const wf = await failing.workflows.create('alice', {
        name: 'chain',
        steps: [
          { id: 'a', functionId: fn.functionId, inputs: { a: 1, b: 1 } },
          { id: 'b', functionId: fn.functionId, inputs: { a: { $ref: 'a.outputs.sum' }, b: 1 } },
        ],
      });
      const run = await failing.workflows.execute('alice', wf.id, { inputs: {} });
      const [stepA] = await store.tasks.listByRun(run.id);
      expect(await store.tasks.createStep({ id: 'task_dup', ownerId: 'alice', functionId: fn.functionId, version: 1, inputs: {}, workflowRunId: run.id, stepId: 'a' })).toBeNull();
      await inThePast(() => store.tasks.claim(stepA!.id, 'gone', new Date(0)));
      await failing.sweep();
      const { run: after, steps } = await failing.workflows.getRun('alice', run.id);
      expect(after.state).toBe('failed');
      expect(steps.map((s) => s.state)).toEqual(['failed', 'skipped']);
    });

    it('concurrent registrations of one name get one id and distinct versions', async () => {
      const body = { name: `race-${randomBytes(4).toString('hex')}`, runtime: 'python', code: CODE };
      const versions = await Promise.all(Array.from({ length: 5 }, () => retrying.registry.register('bob', body)));
      expect(new Set(versions.map((v) => v.functionId)).size).toBe(1);
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
    });
  });
}
