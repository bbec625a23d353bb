import { afterEach, describe, expect, it, vi } from 'vitest';
import { StartGate } from '../../../src/runtime/docker/start-gate.ts';

/** A start that runs until the test ends it, recording when it began. */
function controlledStart(log: string[], name: string) {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe('StartGate', () => {
  it('never runs more starts at once than its limit; waiters queue instead of failing', async () => {
    const gate = new StartGate({ limit: 3 });
    const log: string[] = [];
    const starts = Array.from({ length: 10 }, (_, i) => controlledStart(log, `s${i}`));
    const results = starts.map((s) => gate.run('session', s.run));
    await flush();
    expect(log).toEqual(['s0', 's1', 's2']);
    expect(gate.stats()).toMatchObject({ limit: 3, running: 3, queued: 7 });
    for (const s of starts) {
      s.finish();
      await flush();
      expect(gate.stats().running).toBeLessThanOrEqual(3);
    }
    expect(await Promise.all(results)).toEqual(starts.map((_, i) => `s${i}`));
    expect(gate.stats()).toMatchObject({ peak: 3, running: 0, queued: 0 });
  });

  it('gives a freed slot to a waiting session before an earlier pool refill', async () => {
    const gate = new StartGate({ limit: 1 });
    const log: string[] = [];
    const first = controlledStart(log, 'first');
    const refill = controlledStart(log, 'refill');
    const claim = controlledStart(log, 'claim');
    void gate.run('session', first.run);
    const refilled = gate.run('pool', refill.run);
    const claimed = gate.run('session', claim.run);
    await flush();
    first.finish();
    await flush();
    expect(log).toEqual(['first', 'claim']);
    claim.finish();
    await claimed;
    refill.finish();
    await refilled;
    expect(log).toEqual(['first', 'claim', 'refill']);
  });

  it("holds pool refills while a claimed session's app starts, until it settles", async () => {
    const gate = new StartGate({ limit: 2, settleMs: 60_000 });
    const log: string[] = [];
    const settled = gate.sessionStarting();
    const refill = controlledStart(log, 'refill');
    const refilled = gate.run('pool', refill.run);
    await flush();
    expect(log).toEqual([]);
    // A session's own start is never held back by another session's app.
    const cold = controlledStart(log, 'cold');
    const coldDone = gate.run('session', cold.run);
    await flush();
    expect(log).toEqual(['cold']);
    settled();
    settled(); // twice is harmless: the count must not go below zero
    await flush();
    expect(log).toEqual(['cold', 'refill']);
    cold.finish();
    refill.finish();
    await Promise.all([coldDone, refilled]);
  });

  it('lets refills go after settleMs when a claim never reports its app ready', async () => {
    vi.useFakeTimers();
    const gate = new StartGate({ limit: 1, settleMs: 2_000 });
    const log: string[] = [];
    gate.sessionStarting();
    const refill = controlledStart(log, 'refill');
    const refilled = gate.run('pool', refill.run);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['refill']);
    refill.finish();
    await refilled;
  });
});
