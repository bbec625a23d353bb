import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobContext } from '../../../src/queue/index.ts';
import { REDIS_URL } from '../../support/services.ts';
import { QUEUE_TARGETS, queueFixture, sleep, waitFor } from './queue-targets.ts';

// Only durable targets keep a job alive past the worker that held it (memory jobs die with it).
const CHILD = fileURLToPath(new URL('./fixtures/bullmq-worker-child.ts', import.meta.url));
// Short for the test, yet with a full second of slack for the lock renewal on a busy 2-core machine.
const LOCK_DURATION_MS = 2_000;
const STALLED_INTERVAL_MS = 500;

for (const target of QUEUE_TARGETS.filter((t) => t.durable)) {
  // Skipped only where this backend's service is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`JobQueue worker loss (${target.label})`, () => {
    const fx = queueFixture(target);
    let child: ChildProcess | undefined;
    afterEach(async () => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      child = undefined;
      await fx.teardown();
    });

    it('re-runs the job of a worker killed mid-job on another worker', async () => {
      const name = fx.name();
      const intervals = { lockDurationMs: LOCK_DURATION_MS, stalledIntervalMs: STALLED_INTERVAL_MS };
      await fx.open(name).enqueue('session.run', { sessionId: 'stalled-1' });

      const spawned = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        env: { ...process.env, REDIS_URL, QUEUE_NAME: name, LOCK_DURATION_MS: String(LOCK_DURATION_MS), STALLED_INTERVAL_MS: String(STALLED_INTERVAL_MS) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child = spawned;
      let output = '';
      spawned.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitFor(() => output.includes('active stalled-1 1'), 'the child worker to take the job', 30_000);

      const seen: JobContext[] = [];
      await fx.open(name, intervals).process(async (job) => void seen.push(job), { concurrency: 1 });
      // While the child lives it renews its lock, so the job must not be taken from it.
      await sleep(LOCK_DURATION_MS + 2 * STALLED_INTERVAL_MS);
      expect(seen).toEqual([]);

      spawned.kill('SIGKILL');
      await once(spawned, 'exit');
      const killedAt = Date.now();
      await waitFor(() => seen.length === 1, 'the surviving worker to re-run the job', 15_000);
      expect(seen[0]?.data).toEqual({ sessionId: 'stalled-1' });
      expect(Date.now() - killedAt).toBeLessThan(LOCK_DURATION_MS + 3 * STALLED_INTERVAL_MS + 5_000);
      await sleep(500);
      expect(seen).toHaveLength(1);
    });

    it('hands a job interrupted by close back to the queue without spending an attempt', async () => {
      const name = fx.name();
      const first = fx.open(name);
      let started = false;
      await first.process(
        async (job) => {
          started = true;
          await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
          throw new Error('interrupted');
        },
        { concurrency: 1 },
      );
      await first.enqueue('session.run', { sessionId: 'handover-1' }, { attempts: 1 });
      await waitFor(() => started, 'the job to start');
      await first.close();

      const second = fx.open(name);
      expect(await second.depth()).toBe(1);
      const seen: JobContext[] = [];
      await second.process(async (job) => void seen.push(job), { concurrency: 1 });
      await waitFor(() => seen.length === 1, 'the next worker to run the job');
      expect(seen[0]).toMatchObject({ data: { sessionId: 'handover-1' }, attempt: 1 });
    });
  });
}
