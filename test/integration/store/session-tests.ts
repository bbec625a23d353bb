import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { newSession, type SuiteContext } from './session-fixture.ts';

export function defineSessionTests(ctx: SuiteContext): void {
  it('create then get returns the same record with Dates, and null for an unknown id', async () => {
    const input = newSession({ model: 'claude-x', progress: 3 });
    const created = await ctx.store.sessions.create(input);
    const got = await ctx.store.sessions.get(input.id);
    expect(got).toEqual(created);
    expect(got).toMatchObject({ ...input, runningAt: null, destroyedAt: null, errorCode: null, actualCost: null, currentVersion: null, workerId: null });
    expect(got?.createdAt).toBeInstanceOf(Date);
    expect(got?.updatedAt.getTime()).toBeGreaterThan(0);
    expect(await ctx.store.sessions.get(`missing-${randomUUID()}`)).toBeNull();
  });

  it('transition from an expected state updates state, patch and updatedAt', async () => {
    const s = await ctx.store.sessions.create(newSession({ createdAt: new Date(Date.now() - 60_000) }));
    const heartbeatAt = new Date(Date.now() - 5_000);
    const moved = await ctx.store.sessions.transition(s.id, ['requested', 'failed'], 'provisioning', { progress: 10, workerId: 'w1', heartbeatAt });
    expect(moved).toMatchObject({ id: s.id, state: 'provisioning', progress: 10, workerId: 'w1', heartbeatAt, prompt: s.prompt });
    expect(moved!.updatedAt.getTime()).toBeGreaterThanOrEqual(s.updatedAt.getTime());
    expect(await ctx.store.sessions.get(s.id)).toEqual(moved);
  });

  it('transition from another state returns null and leaves the row unchanged', async () => {
    const s = await ctx.store.sessions.create(newSession());
    expect(await ctx.store.sessions.transition(s.id, ['running', 'deploying'], 'destroying', { progress: 99 })).toBeNull();
    expect(await ctx.store.sessions.transition(s.id, [], 'destroying')).toBeNull();
    expect(await ctx.store.sessions.transition(`missing-${randomUUID()}`, ['requested'], 'failed')).toBeNull();
    expect(await ctx.store.sessions.get(s.id)).toEqual(s);
  });

  it('concurrent transitions from the same state on two connections: exactly one wins', async () => {
    const s = await ctx.store.sessions.create(newSession());
    const other = await ctx.harness.open();
    const attempts = Array.from({ length: 8 }, (_, i) =>
      (i % 2 === 0 ? ctx.store : other).sessions.transition(s.id, ['requested'], 'provisioning', { workerId: `w${i}` }),
    );
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect((await ctx.store.sessions.get(s.id))?.workerId).toBe(winners[0]?.workerId);
    await other.close();
  });

  it('update patches fields (nulls included) but never the state; null for an unknown id', async () => {
    const s = await ctx.store.sessions.create(newSession({ model: 'm' }));
    const runningAt = new Date(Date.now() - 1000);
    const updated = await ctx.store.sessions.update(s.id, { model: null, runningAt, actualCost: 0.5, currentVersion: 2, errorCode: 'X', errorMessage: 'y' });
    expect(updated).toMatchObject({ state: 'requested', model: null, runningAt, actualCost: 0.5, currentVersion: 2, errorCode: 'X', errorMessage: 'y' });
    expect(await ctx.store.sessions.get(s.id)).toEqual(updated);
    expect(await ctx.store.sessions.update(`missing-${randomUUID()}`, { progress: 1 })).toBeNull();
  });

  it('listByOwner pages newest first with an exclusive (createdAt, id) cursor', async () => {
    const ownerId = `owner-${randomUUID()}`;
    const base = Date.now() - 3_600_000;
    const times = [0, 1000, 1000, 1000, 2000, 3000];
    for (const [i, dt] of times.entries()) {
      await ctx.store.sessions.create(newSession({ ownerId, id: `test-${i}-${randomUUID()}`, createdAt: new Date(base + dt) }));
    }
    await ctx.store.sessions.create(newSession({ createdAt: new Date(base + 1000) })); // another owner
    const all = await ctx.store.sessions.listByOwner(ownerId, { limit: 100 });
    expect(all).toHaveLength(times.length);
    const expected = [...all].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    expect(all.map((s) => s.id)).toEqual(expected.map((s) => s.id));

    const paged: string[] = [];
    let before: { createdAt: Date; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await ctx.store.sessions.listByOwner(ownerId, { limit: 2, ...(before ? { before } : {}) });
      if (rows.length === 0) break;
      paged.push(...rows.map((r) => r.id));
      const last = rows[rows.length - 1]!;
      before = { createdAt: last.createdAt, id: last.id };
    }
    expect(paged).toEqual(all.map((s) => s.id));
  });

  it('listExpired returns only active sessions whose expiresAt <= now', async () => {
    const now = new Date();
    const past = new Date(now.getTime() - 1000);
    const future = new Date(now.getTime() + 60_000);
    const mk = (state: 'requested' | 'provisioning' | 'running' | 'destroying' | 'destroyed' | 'failed', expiresAt: Date) =>
      ctx.store.sessions.create(newSession({ state, expiresAt }));
    const expired = [await mk('requested', past), await mk('provisioning', past), await mk('running', now)];
    const kept = [await mk('running', future), await mk('destroying', past), await mk('destroyed', past), await mk('failed', past)];
    const ids = new Set((await ctx.store.sessions.listExpired(now, 1000)).map((s) => s.id));
    for (const s of expired) expect(ids.has(s.id), `${s.state} should be expired`).toBe(true);
    for (const s of kept) expect(ids.has(s.id), `${s.state} should not be listed`).toBe(false);
    expect(await ctx.store.sessions.listExpired(now, 1)).toHaveLength(1);
  });

  it('countByOwnerInStates, createdSince, listByStates and countByState', async () => {
    const ownerId = `owner-${randomUUID()}`;
    const before = await ctx.store.sessions.countByState();
    const base = Date.now() - 10_000;
    const states = ['running', 'running', 'failed', 'requested'] as const;
    const made = [];
    for (const [i, state] of states.entries()) made.push(await ctx.store.sessions.create(newSession({ ownerId, state, createdAt: new Date(base + i * 1000) })));

    expect(await ctx.store.sessions.countByOwnerInStates(ownerId, ['running', 'requested'])).toBe(3);
    expect(await ctx.store.sessions.countByOwnerInStates(ownerId, [])).toBe(0);
    expect(await ctx.store.sessions.createdSince(ownerId, new Date(base + 1000))).toEqual([1000, 2000, 3000].map((d) => new Date(base + d)));

    const running = (await ctx.store.sessions.listByStates(['running'], { limit: 10_000 })).map((s) => s.id);
    expect(running).toEqual(expect.arrayContaining([made[0]!.id, made[1]!.id]));
    expect(running).not.toContain(made[2]!.id);

    const after = await ctx.store.sessions.countByState();
    expect(after.running).toBe((before.running ?? 0) + 2);
    expect(after.failed).toBe((before.failed ?? 0) + 1);
    expect(after.requested).toBe((before.requested ?? 0) + 1);
    expect(typeof after.running).toBe('number');
  });
}
