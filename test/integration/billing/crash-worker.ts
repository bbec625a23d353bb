// Run as a separate process by ledger.test.ts (each one another node of the installation):
// MODE=reserve  → reserves a session's estimate (committed), then SIGKILLs itself inside its settlement;
// MODE=creating → SIGKILLs itself inside the reservation transaction, after writing the session row;
// MODE=race     → COUNT concurrent $0.25 reservations, prints the outcomes as JSON;
// MODE=recover  → one recovery pass, prints how many sessions it settled.
import { Ledger, settleOrphanReservations } from '../../../src/billing/index.ts';
import type { SpawnError } from '../../../src/errors/index.ts';
import { createStore, type StoreOptions } from '../../../src/store/index.ts';
import { newSession } from '../store/session-fixture.ts';

const options = JSON.parse(process.env.STORE_OPTIONS ?? '{}') as StoreOptions;
const orgId = process.env.ORG_ID ?? '';
const sessionId = process.env.SESSION_ID ?? '';
const store = await createStore(options);
const ledger = new Ledger(store, { defaultCreditsUsd: 1, admins: [], alerts: { off: [], costOverrunPercent: 150, backlogJobs: 50, backlogSeconds: 120 }, webhooks: { allowPrivate: false, retryHours: 24, timeoutMs: 10_000 }, otlpEndpoint: undefined, otelServiceName: 'spawnai', otlpProtocol: 'http/json' });
const session = newSession({ id: sessionId, ownerId: orgId, estimatedCost: 0.4 });

if (process.env.MODE === 'race') {
  const outcomes = await Promise.all(
    Array.from({ length: Number(process.env.COUNT) }, async (_, i) => {
      const s = newSession({ id: `${sessionId}-${process.pid}-${i}`, ownerId: orgId });
      return ledger.reserve(orgId, s.id, 0.25, (tx) => tx.sessions.create(s)).then(
        () => 'ok',
        (err: unknown) => (err as SpawnError).code ?? String(err),
      );
    }),
  );
  process.stdout.write(JSON.stringify(outcomes));
} else if (process.env.MODE === 'recover') {
  process.stdout.write(String(await settleOrphanReservations(store, ledger)));
} else if (process.env.MODE === 'creating') {
  await ledger.reserve(orgId, sessionId, 0.4, async (tx) => {
    await tx.sessions.create(session);
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  });
} else {
  await ledger.reserve(orgId, sessionId, 0.4, (tx) => tx.sessions.create(session));
  process.stdout.write('reserved\n');
  await store.transaction(async (tx) => {
    await tx.sessions.update(sessionId, { actualCost: 0.05 });
    await tx.ledger.add({ orgId, kind: 'release', amountMicro: 400_000, sessionId, ref: `release:${sessionId}`, at: new Date() });
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  });
}
await store.close();
