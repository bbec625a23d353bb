import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_TARGETS, queueFixture } from '../queue/queue-targets.ts';
import { until as untilHolds } from './fleet-test-kit.ts';

const until = (what: string, fn: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> => untilHolds(what, fn, timeoutMs, { everyMs: 20 });

// A fleet host's intake (setIntake, driven by its room): one suite, every queue backend.
for (const target of QUEUE_TARGETS) {
  // Skipped only where the target's service is missing (Redis for BullMQ); requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`a host's job intake follows its room (${target.label})`, () => {
    const fixture = queueFixture(target);
    const gates = new Map<string, () => void>();
    afterEach(async () => {
      for (const open of gates.values()) open();
      await fixture.teardown();
    });

    it('runs at most `limit` jobs at once, takes none while full (0), and takes the waiting ones when room comes back', async () => {
      const q = fixture.open(fixture.name());
      let active = 0;
      let maxActive = 0;
      const started: string[] = [];
      await q.process(
        async (job) => {
          active++;
          maxActive = Math.max(maxActive, active);
          started.push(job.data.sessionId);
          await new Promise<void>((resolve) => gates.set(job.data.sessionId, resolve));
          active--;
        },
        { concurrency: 4 },
      );
      await q.setIntake!(1);
      for (const id of ['a', 'b', 'c']) await q.enqueue('session.run', { sessionId: id });
      await until('the first job', () => started.length === 1);
      gates.get(started[0]!)!();
      await until('the second job', () => started.length === 2);
      expect(maxActive).toBe(1);
      // Full: the running job goes on to its end, the third stays in the queue.
      await q.setIntake!(0);
      gates.get(started[1]!)!();
      await until('the second job done', () => active === 0);
      expect(started).toHaveLength(2);
      expect(await q.depth()).toBe(1);
      // Room again (2): the waiting job is taken, and two can run at once.
      await q.setIntake!(2);
      await q.enqueue('session.run', { sessionId: 'd' });
      await until('both waiting jobs running together', () => active === 2);
      expect(started.slice(2).sort()).toEqual(['c', 'd']);
    });
  });
}
