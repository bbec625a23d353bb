import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger, settleOrphanReservations } from '../../../src/billing/index.ts';
import type { MoneyConfig } from '../../../src/config/index.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import type { Store } from '../../../src/store/index.ts';
import type { StoreHarness } from '../store/store-harness.ts';
import { newSession } from '../store/session-fixture.ts';
import { STORE_TARGETS } from '../store/store-targets.ts';

// Child processes start tsx (a few seconds each; much more on a crowded machine).
const CHILD_TEST_TIMEOUT_MS = 180_000;
const CRASH_WORKER = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));

export function moneyConfig(overrides: Partial<MoneyConfig> = {}): MoneyConfig {
  return {
    defaultCreditsUsd: 1,
    admins: [],
    alerts: { off: [], costOverrunPercent: 150, backlogJobs: 50, backlogSeconds: 120 },
    webhooks: { allowPrivate: false, retryHours: 24, timeoutMs: 10_000 },
    otlpEndpoint: undefined,
    otelServiceName: 'spawnai',
    otlpProtocol: 'http/json',
    ...overrides,
  };
}

/** Runs the crash worker and resolves with how it ended (it kills itself with SIGKILL). */
function crashChild(env: Record<string, string>): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', CRASH_WORKER], { env: { ...process.env, ...env }, timeout: 60_000 }, (_err, stdout) => resolve({ signal: child.signalCode, stdout }));
  });
}

async function reserveCode(ledger: Ledger, store: Store, orgId: string, usd: number): Promise<string> {
  const s = newSession({ ownerId: orgId, estimatedCost: usd });
  try {
    await ledger.reserve(orgId, s.id, usd, (tx) => tx.sessions.create(s));
    return 'ok';
  } catch (err) {
    expect(await store.sessions.get(s.id)).toBeNull(); // refused: the session row rolled back with it
    return (err as SpawnError).code;
  }
}

for (const target of STORE_TARGETS) {
  // Skipped only where the target's database is missing (PostgreSQL); requireService() fails the run in CI instead.
  describe.skipIf(!target.available)(`ledger on ${target.name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let ledger: Ledger;
    beforeAll(async () => {
      harness = await target.createHarness();
      store = await harness.open();
      await store.migrate();
      ledger = new Ledger(store, moneyConfig());
    });
    afterAll(() => harness.teardown());

    it('reserves the estimate with the session, settles the actual cost once and releases the rest', async () => {
      const org = `org-${randomUUID()}`;
      const s = newSession({ ownerId: org });
      await ledger.reserve(org, s.id, 0.4, (tx) => tx.sessions.create(s));
      expect((await ledger.status(org)).balanceUsd).toBeCloseTo(0.6, 9);
      expect(await store.transaction((tx) => ledger.settle(tx, s.id, 0.1))).toBe(true);
      expect(await store.transaction((tx) => ledger.settle(tx, s.id, 0.3))).toBe(false);
      const status = await ledger.status(org);
      expect(status.balanceUsd).toBeCloseTo(0.9, 9);
      expect(status.monthSpendUsd).toBeCloseTo(0.1, 9);
      expect((await store.ledger.listBySession(s.id)).map((e) => e.kind).sort()).toEqual(['charge', 'release', 'reserve']);
    });

    it('an alert incident opens once, closes, and opens again as a new incident (the queue backlog rule on this store)', async () => {
      const org = `org-${randomUUID()}`;
      const at = new Date();
      const open = () => store.alerts.open({ id: randomUUID(), orgId: org, rule: 'queue_backlog', subject: 'queue', data: { depth: 60 }, openedAt: at });
      expect(await open()).toMatchObject({ orgId: org, rule: 'queue_backlog', closedAt: null });
      expect(await open()).toBeNull(); // already open: fires once per incident
      expect(await store.alerts.close(org, 'queue_backlog', 'queue', at)).toBe(true);
      expect(await store.alerts.close(org, 'queue_backlog', 'queue', at)).toBe(false);
      expect(await open()).not.toBeNull();
      const incidents = await store.alerts.listByOrg(org, 10);
      expect(incidents.map((i) => i.closedAt === null).sort()).toEqual([false, true]);
    });

    it('refuses with CREDITS_EXHAUSTED (balance in the message) and writes nothing', async () => {
      const org = `org-${randomUUID()}`;
      const err = await ledger.reserve(org, 'never', 2, () => Promise.resolve(null)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SpawnError);
      expect((err as SpawnError).code).toBe('CREDITS_EXHAUSTED');
      expect((err as SpawnError).message).toContain('$1.00');
      expect(await store.ledger.listBySession('never')).toEqual([]);
    });

    it('refuses past the hard monthly budget with BUDGET_EXCEEDED, even with unlimited credits', async () => {
      const unlimited = new Ledger(store, moneyConfig({ defaultCreditsUsd: null }));
      const org = `org-${randomUUID()}`;
      await unlimited.setBudget(org, { softLimitUsd: null, hardLimitUsd: 0.5 });
      expect(await reserveCode(unlimited, store, org, 0.3)).toBe('ok');
      expect(await reserveCode(unlimited, store, org, 0.3)).toBe('BUDGET_EXCEEDED');
      await expect(unlimited.assertCanSpend(org, 0.1)).resolves.toBeUndefined();
      await expect(unlimited.assertCanSpend(org, 0.3)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    });

    it('never over-reserves under concurrency: two processes, ten racing reservations, credit for four', async () => {
      const org = `org-${randomUUID()}`;
      const env = { STORE_OPTIONS: JSON.stringify(harness.options), ORG_ID: org, SESSION_ID: `test-${randomUUID()}`, MODE: 'race', COUNT: '5' };
      const [child, ...here] = await Promise.all([crashChild(env), ...Array.from({ length: 5 }, () => reserveCode(ledger, store, org, 0.25))]);
      const results = [...(JSON.parse(child?.stdout ?? '[]') as string[]), ...(here as string[])];
      expect(results).toHaveLength(10);
      expect(results.filter((r) => r === 'ok')).toHaveLength(4);
      expect(results.filter((r) => r === 'CREDITS_EXHAUSTED')).toHaveLength(6);
      expect((await ledger.status(org)).balanceUsd).toBe(0);
    }, CHILD_TEST_TIMEOUT_MS);

    it('a SIGKILL between reservation and settlement: recovery settles exactly once (two nodes at once); one inside the reservation leaves nothing', async () => {
      const [org, lost] = [`org-${randomUUID()}`, `org-${randomUUID()}`];
      const [sessionId, neverId] = [`test-${randomUUID()}`, `test-${randomUUID()}`];
      const options = JSON.stringify(harness.options);
      const [settling, creating] = await Promise.all([
        crashChild({ STORE_OPTIONS: options, ORG_ID: org, SESSION_ID: sessionId, MODE: 'reserve' }),
        crashChild({ STORE_OPTIONS: options, ORG_ID: lost, SESSION_ID: neverId, MODE: 'creating' }),
      ]);
      expect(settling).toEqual({ signal: 'SIGKILL', stdout: 'reserved\n' });
      expect(creating.signal).toBe('SIGKILL');
      // Killed inside the reservation: neither the session nor its reservation exists.
      expect(await store.sessions.get(neverId)).toBeNull();
      expect(await store.ledger.listBySession(neverId)).toEqual([]);
      expect((await ledger.status(lost)).balanceUsd).toBe(1);
      // Killed inside the settlement: no trace of it; the committed reservation stays.
      expect((await store.ledger.listBySession(sessionId)).map((e) => e.kind)).toEqual(['reserve']);
      expect((await store.sessions.get(sessionId))?.actualCost).toBeNull();
      expect((await ledger.status(org)).balanceUsd).toBeCloseTo(0.6, 9);
      // What the reconciler does to a session whose worker died: it ends failed, with its cost.
      await store.sessions.transition(sessionId, ['requested'], 'failed', { errorCode: 'WORKER_LOST', actualCost: 0.05 });
      const [child, here] = await Promise.all([crashChild({ STORE_OPTIONS: options, ORG_ID: org, SESSION_ID: sessionId, MODE: 'recover' }), settleOrphanReservations(store, ledger)]);
      expect(Number(child.stdout) + here).toBe(1);
      expect(await settleOrphanReservations(store, ledger)).toBe(0);
      expect((await store.ledger.listBySession(sessionId)).map((e) => e.kind).sort()).toEqual(['charge', 'release', 'reserve']);
      expect((await ledger.status(org)).balanceUsd).toBeCloseTo(0.95, 9);
    }, CHILD_TEST_TIMEOUT_MS);
  });
}
