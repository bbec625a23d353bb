import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { SuiteContext } from './session-fixture.ts';

/** Requirement builds (migration 008): one row per set, claimed by one worker, swept when unused. */
export function defineFunctionBuildTests(ctx: SuiteContext): void {
  it('function builds: created pending once, claimed by one worker, finished, retried after a failure, swept', async () => {
    const builds = ctx.store.functionBuilds;
    const key = `b-${randomUUID()}`;
    const created = await builds.ensure(key, 'python', ['pint>=0.23', 'sympy']);
    expect(created).toMatchObject({ key, runtime: 'python', requirements: ['pint>=0.23', 'sympy'], state: 'pending', log: '', layer: null });
    expect((await builds.ensure(key, 'python', ['pint>=0.23', 'sympy'])).state).toBe('pending');
    const stale = new Date(Date.now() - 60_000);
    const [a, b] = await Promise.all([builds.claim(key, 'w1', stale), builds.claim(key, 'w2', stale)]);
    expect([a, b].filter((c) => c !== null)).toHaveLength(1);
    const winner = (a ?? b)?.workerId as string;
    await builds.finish(key, winner === 'w1' ? 'w2' : 'w1', { state: 'ready', log: 'not mine', layer: 'l-x' }); // only the claimer finishes
    expect((await builds.get(key))?.state).toBe('building');
    await builds.finish(key, winner, { state: 'failed', log: 'ERROR: no such package', layer: null });
    expect(await builds.get(key)).toMatchObject({ state: 'failed', log: 'ERROR: no such package' });
    expect(await builds.claim(key, 'w1', stale)).toBeNull(); // a failed build is not retried by a call…
    await builds.retry(key); // …but by registering the set again
    expect((await builds.claim(key, 'w1', stale))?.state).toBe('building');
    await builds.finish(key, 'w1', { state: 'ready', log: 'ok', layer: `l-${key}` });
    expect(await builds.layersInUse()).toContain(`l-${key}`);
    expect((await builds.unusedSince(new Date(Date.now() + 1000))).map((r) => r.key)).toContain(key);
    expect((await builds.unusedSince(new Date(Date.now() - 60_000))).map((r) => r.key)).not.toContain(key);
    await builds.delete(key);
    expect(await builds.get(key)).toBeNull();
  });

  it('function versions keep their requirements (migration 008); none reads as []', async () => {
    const ownerId = `owner-${randomUUID()}`;
    const base = { ownerId, runtime: 'python' as const, entrypoint: 'main', code: 'def main(i):\n    return {}\n', inputSchema: null, timeoutSeconds: null };
    const withReqs = await ctx.store.functions.register({ ...base, newId: `fn-${randomUUID()}`, name: 'with', requirements: ['numpy', 'pint>=0.23'] });
    const without = await ctx.store.functions.register({ ...base, newId: `fn-${randomUUID()}`, name: 'without' });
    expect((await ctx.store.functions.latest(withReqs.functionId))?.requirements).toEqual(['numpy', 'pint>=0.23']);
    expect((await ctx.store.functions.getVersion(without.functionId, 1))?.requirements).toEqual([]);
  });
}
