import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { defineArtifactTests } from './artifact-tests.ts';
import { defineEventTests } from './event-tests.ts';
import { defineFunctionBuildTests } from './function-build-tests.ts';
import { defineRecordTests } from './record-tests.ts';
import { newSession, type SuiteContext } from './session-fixture.ts';
import { defineSessionTests } from './session-tests.ts';
import type { StoreHarness, StoreTarget } from './store-harness.ts';

/**
 * The one store suite, run once per dialect (Kysely's `for (const dialect of DIALECTS)` habit).
 * Every test writes rows under fresh ids and owners; the whole database goes away in afterAll.
 */
export function defineStoreSuite(target: StoreTarget): void {
  // Skipped only where this backend's service is missing; requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`store on ${target.name}`, () => {
    let harness: StoreHarness | undefined;
    let store: Store | undefined;
    const ctx: SuiteContext = {
      get store() {
        if (!store) throw new Error('store not opened (beforeAll failed)');
        return store;
      },
      get harness() {
        if (!harness) throw new Error('harness not created (beforeAll failed)');
        return harness;
      },
      createHarness: () => target.createHarness(),
    };

    beforeAll(async () => {
      harness = await target.createHarness();
      store = await harness.open();
      await store.migrate();
    });

    afterAll(async () => {
      await harness?.teardown();
    });

    it('reports its dialect', () => {
      expect(ctx.store.dialect).toBe(target.name);
    });

    it('migrate is idempotent, also from a second store on the same database', async () => {
      const session = await ctx.store.sessions.create(newSession());
      await ctx.store.migrate();
      const other = await ctx.harness.open();
      await other.migrate();
      await Promise.all([ctx.store.migrate(), other.migrate()]);
      expect((await other.sessions.get(session.id))?.id).toBe(session.id);
    });

    it('ping answers true while open; after close it returns false (never throws) and close is idempotent', async () => {
      const other = await ctx.harness.open();
      expect(await other.ping()).toBe(true);
      await other.close();
      expect(await other.ping()).toBe(false);
      await expect(other.close()).resolves.toBeUndefined();
      expect(await ctx.store.ping()).toBe(true);
    });

    defineSessionTests(ctx);
    defineEventTests(ctx);
    defineRecordTests(ctx);
    defineFunctionBuildTests(ctx);
    defineArtifactTests(ctx);
  });
}
