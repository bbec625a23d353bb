import { afterEach, describe, expect, it } from 'vitest';
import type { JobContext } from '../../../src/queue/index.ts';
import { QUEUE_TARGETS, queueFixture, sleep, waitFor } from './queue-targets.ts';

// One suite for every JobQueue implementation; differences are the target's flags, not its name.
for (const target of QUEUE_TARGETS) {
  // Skipped only where this backend's service is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`JobQueue (${target.label})`, () => {
    const fx = queueFixture(target);
    afterEach(() => fx.teardown());

    it('runs an enqueued job once with its name and data', async () => {
      const queue = fx.open(fx.name());
      const seen: JobContext[] = [];
      await queue.process(async (job) => void seen.push(job), { concurrency: 1 });
      await queue.enqueue('session.run', { sessionId: 's1', extra: { n: 1 } });
      await waitFor(() => seen.length === 1, 'the job');
      await sleep(200);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ name: 'session.run', data: { sessionId: 's1', extra: { n: 1 } }, attempt: 1 });
      expect(seen[0]?.signal.aborted).toBe(false);
    });

    it('never runs more jobs at once than the concurrency', async () => {
      const queue = fx.open(fx.name());
      let active = 0;
      let maxActive = 0;
      const done: string[] = [];
      for (let i = 0; i < 6; i++) await queue.enqueue('session.run', { sessionId: `s${i}` });
      await queue.process(
        async (job) => {
          maxActive = Math.max(maxActive, ++active);
          await sleep(150);
          active--;
          done.push(job.data.sessionId);
        },
        { concurrency: 2 },
      );
      await waitFor(() => done.length === 6, 'six jobs');
      expect(maxActive).toBe(2);
      expect(done.sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    });

    it('ignores a second enqueue with the same jobId while the first is pending, not after', async () => {
      const queue = fx.open(fx.name());
      const jobId = 'session.run:s1'; // ':' is forbidden in BullMQ job ids; the contract allows it
      await queue.enqueue('session.run', { sessionId: 's1', n: 1 }, { jobId });
      await queue.enqueue('session.run', { sessionId: 's1', n: 2 }, { jobId });
      expect(await queue.depth()).toBe(1);
      const seen: unknown[] = [];
      await queue.process(async (job) => void seen.push(job.data.n), { concurrency: 1 });
      await waitFor(() => seen.length === 1, 'the first job');
      await sleep(300);
      expect(seen).toEqual([1]);
      await queue.enqueue('session.run', { sessionId: 's1', n: 3 }, { jobId });
      await waitFor(() => seen.length === 2, 'the job enqueued again after the first finished');
      expect(seen).toEqual([1, 3]);
    });

    it('runs a delayed job no earlier than its delay', async () => {
      const queue = fx.open(fx.name());
      let ranAt = 0;
      await queue.process(async () => void (ranAt = Date.now()), { concurrency: 1 });
      const enqueuedAt = Date.now();
      await queue.enqueue('session.expire', { sessionId: 's1' }, { delayMs: 500 });
      await sleep(250);
      expect(ranAt).toBe(0);
      await waitFor(() => ranAt > 0, 'the delayed job');
      expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(495); // timers may fire a few ms early
    });

    it('retries a failing job and passes attempt numbers 1, 2', async () => {
      const queue = fx.open(fx.name());
      const attempts: number[] = [];
      let succeeded = false;
      await queue.process(
        async (job) => {
          attempts.push(job.attempt);
          if (job.attempt === 1) throw new Error('transient');
          succeeded = true;
        },
        { concurrency: 1 },
      );
      await queue.enqueue('session.run', { sessionId: 's1' });
      await waitFor(() => succeeded, 'the second attempt');
      await sleep(300);
      expect(attempts).toEqual([1, 2]);
    });

    it('stops retrying a job that always throws after its attempts', async () => {
      const queue = fx.open(fx.name());
      const attempts: number[] = [];
      await queue.process(
        async (job) => {
          attempts.push(job.attempt);
          throw new Error('permanent');
        },
        { concurrency: 1 },
      );
      await queue.enqueue('session.run', { sessionId: 's1' }, { attempts: 3 });
      await waitFor(() => attempts.length === 3, 'three attempts');
      await sleep(800); // a fourth attempt would come after ~400 ms of backoff
      expect(attempts).toEqual([1, 2, 3]);
      expect(await queue.depth()).toBe(0);
    });

    it('counts waiting and delayed jobs in depth', async () => {
      const queue = fx.open(fx.name());
      expect(await queue.depth()).toBe(0);
      await queue.enqueue('session.run', { sessionId: 's1' });
      await queue.enqueue('session.run', { sessionId: 's2' });
      await queue.enqueue('session.expire', { sessionId: 's3' }, { delayMs: 60_000 });
      expect(await queue.depth()).toBe(3);
      expect(await queue.ping()).toBe(true);
    });

    it('aborts the signal of an active job on close and waits for it', async () => {
      const queue = fx.open(fx.name());
      let started = false;
      let finished = false;
      let signal: AbortSignal | undefined;
      await queue.process(
        async (job) => {
          signal = job.signal;
          started = true;
          await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
          await sleep(100); // cleanup after the abort must still be awaited by close()
          finished = true;
          throw new Error('aborted');
        },
        { concurrency: 1 },
      );
      await queue.enqueue('session.run', { sessionId: 's1' });
      await waitFor(() => started, 'the job to start');
      await queue.close();
      expect(signal?.aborted).toBe(true);
      expect(finished).toBe(true);
    });

    it('on close lets an active job finish within the grace period, unaborted, and starts no other', async () => {
      const queue = fx.open(fx.name(), { shutdownGraceMs: 5_000 });
      const started: string[] = [];
      let release: () => void = () => undefined;
      let signal: AbortSignal | undefined;
      let finished = false;
      await queue.process(
        async (job) => {
          started.push(job.data.sessionId);
          signal = job.signal;
          await new Promise<void>((resolve) => (release = resolve));
          finished = true;
        },
        { concurrency: 1 },
      );
      await queue.enqueue('session.run', { sessionId: 'first' });
      await waitFor(() => started.length === 1, 'the first job to start');
      await queue.enqueue('session.run', { sessionId: 'second' });
      const closing = queue.close();
      await sleep(300);
      expect(finished).toBe(false);
      release();
      await closing;
      expect(finished).toBe(true);
      expect(signal?.aborted).toBe(false);
      expect(started).toEqual(['first']);
    });

    it('on close aborts a job still running after the grace period', async () => {
      const queue = fx.open(fx.name(), { shutdownGraceMs: 300 });
      let signal: AbortSignal | undefined;
      await queue.process(
        async (job) => {
          signal = job.signal;
          await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
          throw new Error('aborted');
        },
        { concurrency: 1 },
      );
      await queue.enqueue('session.run', { sessionId: 'slow' });
      await waitFor(() => signal !== undefined, 'the job to start');
      await queue.close();
      expect(signal?.aborted).toBe(true);
    });

    // BullMQ instances with one name are one queue (several workers); memory instances are
    // separate queues, so there the jobs stay with the instance that enqueued them.
    it('runs every job exactly once across two instances with the same name', async () => {
      const name = fx.name();
      const a = fx.open(name);
      const b = fx.open(name);
      const runs: string[] = [];
      const handler = async (job: JobContext): Promise<void> => {
        runs.push(job.data.sessionId);
        await sleep(50);
      };
      const ids = (prefix: string) => [...Array(6).keys()].map((i) => `${prefix}${i}`);
      for (const id of ids('x')) await a.enqueue('session.run', { sessionId: id });
      await b.process(handler, { concurrency: 2 });
      if (target.sharedAcrossInstances) {
        await waitFor(() => runs.length === 6, 'b to run the jobs enqueued on a');
      } else {
        await sleep(300);
        expect(runs).toEqual([]);
        expect(await a.depth()).toBe(6);
      }
      await a.process(handler, { concurrency: 2 });
      for (const id of ids('y')) await (id.endsWith('1') ? b : a).enqueue('session.run', { sessionId: id });
      await waitFor(() => runs.length === 12, 'all twelve jobs');
      await sleep(300);
      expect(runs.sort()).toEqual([...ids('x'), ...ids('y')].sort());
    });
  });
}
