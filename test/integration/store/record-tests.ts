import { createHash, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { newSession, type SuiteContext } from './session-fixture.ts';

export function defineRecordTests(ctx: SuiteContext): void {
  it('sessions: the verification of the version served round-trips (migration 005), null until set', async () => {
    const created = await ctx.store.sessions.create(newSession());
    expect(created.verification).toBeNull();
    const verification = { status: 'problems' as const, problems: [{ kind: 'request-failed', message: 'answered 404', where: 'GET /api/books → 404' }, { kind: 'empty-page', message: 'nothing' }], checkedAt: '2026-12-04T21:00:00.000Z', version: 2 };
    await ctx.store.sessions.update(created.id, { verification });
    expect((await ctx.store.sessions.get(created.id))?.verification).toEqual(verification);
    await ctx.store.sessions.update(created.id, { progress: 50 });
    expect((await ctx.store.sessions.get(created.id))?.verification).toEqual(verification);
  });

  it('costs: entries list in time order and sum per session', async () => {
    const sessionId = `test-${randomUUID()}`;
    const t0 = Date.now() - 10_000;
    await ctx.store.costs.add({ sessionId, kind: 'generation', amountUsd: 0.0123, details: { model: 'm', inputTokens: 10, outputTokens: 20 }, at: new Date(t0 + 2000) });
    await ctx.store.costs.add({ sessionId, kind: 'compute', amountUsd: 0.5, details: { seconds: 60, tier: 'small' }, at: new Date(t0) });
    await ctx.store.costs.add({ sessionId, kind: 'compute-paused', amountUsd: 0.001, details: {}, at: new Date(t0 + 1000) });
    await ctx.store.costs.add({ sessionId: `test-${randomUUID()}`, kind: 'compute', amountUsd: 9, details: {}, at: new Date(t0) });

    const entries = await ctx.store.costs.listBySession(sessionId);
    expect(entries.map((e) => e.kind)).toEqual(['compute', 'compute-paused', 'generation']);
    expect(entries[0]).toEqual({ sessionId, kind: 'compute', amountUsd: 0.5, details: { seconds: 60, tier: 'small' }, at: new Date(t0) });
    expect(await ctx.store.costs.totalBySession(sessionId)).toBeCloseTo(0.5133, 10);
    expect(await ctx.store.costs.totalBySession(`missing-${randomUUID()}`)).toBe(0);
  });

  it('sandboxes: upsert inserts then updates, live lookups, markDestroyed is final and idempotent', async () => {
    const sessionId = `test-${randomUUID()}`;
    const id = `sbx-${randomUUID()}`;
    const createdAt = new Date(Date.now() - 5000);
    const created = await ctx.store.sandboxes.upsert({ id, sessionId, driver: 'process', state: 'creating', endpoint: null, createdAt });
    expect(created).toEqual({ id, sessionId, driver: 'process', state: 'creating', endpoint: null, createdAt, destroyedAt: null });

    const running = await ctx.store.sandboxes.upsert({ id, sessionId, driver: 'process', state: 'running', endpoint: { host: '127.0.0.1', port: 4321 } });
    expect(running).toMatchObject({ state: 'running', endpoint: { host: '127.0.0.1', port: 4321 }, createdAt });
    expect(await ctx.store.sandboxes.get(id)).toEqual(running);
    expect(await ctx.store.sandboxes.getLiveBySession(sessionId)).toEqual(running);
    expect((await ctx.store.sandboxes.listLive()).map((s) => s.id)).toContain(id);

    await ctx.store.sandboxes.markDestroyed(id);
    const destroyed = await ctx.store.sandboxes.get(id);
    expect(destroyed?.state).toBe('destroyed');
    expect(destroyed?.destroyedAt).toBeInstanceOf(Date);
    await ctx.store.sandboxes.markDestroyed(id);
    expect(await ctx.store.sandboxes.get(id)).toEqual(destroyed);
    expect(await ctx.store.sandboxes.getLiveBySession(sessionId)).toBeNull();
    expect((await ctx.store.sandboxes.listLive()).map((s) => s.id)).not.toContain(id);
    // A late upsert from a slow pipeline step must not resurrect a destroyed sandbox.
    expect((await ctx.store.sandboxes.upsert({ id, sessionId, driver: 'process', state: 'running', endpoint: null })).state).toBe('destroyed');
    expect(await ctx.store.sandboxes.get(`missing-${randomUUID()}`)).toBeNull();
  });

  it('tokens: create, findByHash, count', async () => {
    const before = await ctx.store.tokens.count();
    const tokenHash = createHash('sha256').update(randomUUID()).digest('hex');
    const created = await ctx.store.tokens.create({ id: `tok-${randomUUID()}`, name: 'ci', ownerId: `owner-${randomUUID()}`, tokenHash });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await ctx.store.tokens.findByHash(tokenHash)).toEqual(created);
    expect(await ctx.store.tokens.findByHash(createHash('sha256').update('other').digest('hex'))).toBeNull();
    expect(await ctx.store.tokens.count()).toBe(before + 1);
    await expect(ctx.store.tokens.create({ id: `tok-${randomUUID()}`, name: 'dup', ownerId: 'o', tokenHash })).rejects.toThrow();
  });
}
