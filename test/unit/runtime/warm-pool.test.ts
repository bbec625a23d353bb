import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { WarmPool, type PoolShape } from '../../../src/runtime/warm-pool.ts';

const logger = pino({ level: 'silent' });
const SHAPE: PoolShape = { tier: 'small', network: 'none', memoryMb: 64, cpus: 0.5, pids: 32 };

function fakePool(sizing: { min: number; max?: number; minFreeMemoryMb?: number }) {
  let next = 0;
  const removed: string[] = [];
  const pool = new WarmPool<string>(
    { concurrency: 2, ...sizing },
    { start: async () => `sbx-${++next}`, remove: async (id) => void removed.push(id) },
    logger,
  );
  return { pool, removed, started: () => next };
}

describe('WarmPool', () => {
  it('keeps `min` ready once a shape was asked for, and counts hits and misses', async () => {
    const { pool } = fakePool({ min: 2, max: 8 });
    expect(pool.take(SHAPE)).toBeUndefined(); // first sight of the shape: a cold start
    await pool.idle();
    expect(pool.stats()).toEqual({ ready: { small: 2 }, claims: { hit: 0, miss: 1 } });
    expect(pool.take(SHAPE)).toBe('sbx-1');
    expect(pool.stats().claims).toEqual({ hit: 1, miss: 1 });
  });

  it('grows with the arrival rate, up to max, and never hands one sandbox out twice', async () => {
    const { pool } = fakePool({ min: 1, max: 5 });
    const taken = Array.from({ length: 12 }, () => pool.take(SHAPE)).filter((x) => x !== undefined);
    await pool.idle();
    expect(pool.target(SHAPE)).toBe(5);
    expect(pool.stats().ready.small).toBe(5);
    const more = Array.from({ length: 5 }, () => pool.take(SHAPE));
    expect(new Set([...taken, ...more]).size).toBe(taken.length + more.length);
  });

  it('starts nothing below the host memory floor', async () => {
    const { pool, started } = fakePool({ min: 2, max: 4, minFreeMemoryMb: Number.MAX_SAFE_INTEGER });
    pool.take(SHAPE);
    await pool.idle();
    expect(started()).toBe(0);
    expect(pool.stats().claims.miss).toBe(1);
  });

  it('removes every idle sandbox on close and refills no more', async () => {
    const { pool, removed } = fakePool({ min: 3 });
    pool.take(SHAPE);
    await pool.idle();
    await pool.close();
    expect(removed.sort()).toEqual(['sbx-1', 'sbx-2', 'sbx-3']);
    expect(pool.take(SHAPE)).toBeUndefined();
  });
});
