import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import type { SuiteContext } from './session-fixture.ts';

const run = promisify(execFile);
const WORKER = fileURLToPath(new URL('./append-worker.ts', import.meta.url));

export function defineEventTests(ctx: SuiteContext): void {
  it('append returns the stored event and list reads after a seq, in order, with a limit', async () => {
    const sessionId = `test-${randomUUID()}`;
    const first = await ctx.store.events.append(sessionId, 'state', { state: 'requested', progress: 0 });
    expect(first).toMatchObject({ seq: 1, sessionId, type: 'state', data: { state: 'requested', progress: 0 } });
    expect(first.at).toBeInstanceOf(Date);
    for (let i = 0; i < 4; i++) await ctx.store.events.append(sessionId, 'log', { level: 'info', message: `line ${i}` });
    const all = await ctx.store.events.list(sessionId);
    expect(all[0]).toEqual(first);
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await ctx.store.events.list(sessionId, 3)).map((e) => e.seq)).toEqual([4, 5]);
    expect((await ctx.store.events.list(sessionId, 1, 2)).map((e) => e.seq)).toEqual([2, 3]);
    expect(await ctx.store.events.list(sessionId, 5)).toEqual([]);
    // seq is per session
    expect((await ctx.store.events.append(`test-${randomUUID()}`, 'log', {})).seq).toBe(1);
  });

  it('20 concurrent appends from two connections get seq 1..20, each exactly once', async () => {
    const sessionId = `test-${randomUUID()}`;
    const other = await ctx.harness.open();
    try {
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? ctx.store : other).events.append(sessionId, 'progress', { i })),
      );
      const seqs = appended.map((e) => e.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const listed = await ctx.store.events.list(sessionId);
      expect(listed.map((e) => e.seq)).toEqual(seqs);
      expect(new Set(listed.map((e) => e.data.i)).size).toBe(20);
    } finally {
      await other.close();
    }
  });

  it('two processes migrate a fresh database at once and append to one session without gaps or duplicates', async () => {
    const fresh = await ctx.createHarness();
    try {
      const sessionId = `test-${randomUUID()}`;
      const env = { ...process.env, STORE_OPTIONS: JSON.stringify(fresh.options), SESSION_ID: sessionId, COUNT: '10' };
      const workers = [0, 1].map(() => run(process.execPath, ['--import', 'tsx', WORKER], { env, timeout: 60_000 }));
      const seqs = (await Promise.all(workers)).flatMap((o) => JSON.parse(o.stdout) as number[]).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const store = await fresh.open();
      expect((await store.events.list(sessionId)).map((e) => e.seq)).toEqual(seqs);
    } finally {
      await fresh.teardown();
    }
  });
}
