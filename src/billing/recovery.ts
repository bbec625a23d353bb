import { TERMINAL_STATES } from '../api-types.ts';
import type { Store } from '../store/index.ts';
import type { Ledger } from './ledger.ts';

/** A terminal session without its final cost is left this long to its own release path first. */
const SETTLE_GRACE_MS = 5 * 60_000;
const BATCH = 100;

/**
 * Settles reservations whose session ended without a settlement: a process killed between a
 * session's end and its cost record, or a session row that never committed. Safe to run on every
 * node at once: a settlement's refs are unique, the account lock serialises the writers.
 */
export async function settleOrphanReservations(store: Store, ledger: Ledger, now = new Date()): Promise<number> {
  let settled = 0;
  for (const sessionId of await store.ledger.unsettledSessions(BATCH)) {
    const session = await store.sessions.get(sessionId);
    if (session && !(TERMINAL_STATES as readonly string[]).includes(session.state)) continue;
    if (session && session.actualCost === null && now.getTime() - session.updatedAt.getTime() < SETTLE_GRACE_MS) continue;
    const actualUsd = session ? (session.actualCost ?? (await store.costs.totalBySession(sessionId))) : 0;
    const done = await store.transaction((tx) => ledger.settle(tx, sessionId, actualUsd, { recovered: true }));
    if (done) settled++;
  }
  return settled;
}
