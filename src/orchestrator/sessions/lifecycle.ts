import { ACTIVE_STATES, type SessionState } from '../../api-types.ts';
import { billingOrgOf, type Ledger } from '../../billing/index.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import type { JobQueue } from '../../queue/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';
import { computeCost, roundUsd, tierRate } from '../cost.ts';
import type { Metrics } from '../metrics.ts';
import type { SandboxService } from '../../sandboxes/index.ts';
import type { SessionEvents } from './session-events.ts';

const FAILABLE: readonly SessionState[] = [...ACTIVE_STATES, 'destroying'];

/**
 * The ends of a session: failure, destruction (asked for or at TTL) and extension. Each ends
 * with resources freed and the actual cost recorded; each is safe to run twice.
 */
export class Lifecycle {
  readonly #store: Store;
  readonly #queue: JobQueue;
  readonly #events: SessionEvents;
  readonly #sandboxes: SandboxService | null;
  readonly #config: SpawnConfig;
  readonly #logger: Logger;
  readonly #metrics: Metrics;
  readonly #ledger: Ledger | undefined;

  constructor(deps: { store: Store; queue: JobQueue; events: SessionEvents; sandboxes: SandboxService | null; config: SpawnConfig; logger: Logger; metrics: Metrics; ledger?: Ledger }) {
    this.#ledger = deps.ledger;
    this.#store = deps.store;
    this.#queue = deps.queue;
    this.#events = deps.events;
    this.#sandboxes = deps.sandboxes;
    this.#config = deps.config;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics;
  }

  /** Marks the session failed with a reason, then frees its resources and finalises its cost. */
  async fail(sessionId: string, error: SpawnError): Promise<void> {
    const failed = await this.#store.sessions.transition(sessionId, FAILABLE, 'failed', { errorCode: error.code, errorMessage: error.message.slice(0, 2000) });
    if (!failed) return;
    this.#metrics.sessionsFailed.inc({ code: error.code });
    this.#logger.warn({ sessionId, code: error.code, reason: error.message }, 'session failed');
    await this.#events.emit(sessionId, 'error', { code: error.code, message: failed.errorMessage });
    await this.#release(failed);
    await this.#events.emit(sessionId, 'state', { state: 'failed', progress: failed.progress, error: { code: error.code, message: failed.errorMessage } });
  }

  /** Moves an active session to `destroying` and queues the work; false if it was not active. */
  async requestDestroy(sessionId: string, reason: string): Promise<boolean> {
    const s = await this.#store.sessions.transition(sessionId, ACTIVE_STATES, 'destroying', {});
    if (!s) return false;
    await this.#events.emit(sessionId, 'state', { state: 'destroying', progress: s.progress, reason });
    // With the queue down the session is still destroying in the database: the reconciler (which
    // also calls finishDestroy itself at expiry) completes it, so an outage never loses a destroy.
    await this.#queue.enqueue('session.destroy', { sessionId }, { jobId: `destroy-${sessionId}` }).catch((err: unknown) => {
      this.#logger.warn({ err, sessionId }, 'destroy job not queued; the reconciler finishes the destroy');
    });
    return true;
  }

  /** Job handler: frees everything, then `destroying → destroyed`. Idempotent. */
  async finishDestroy(sessionId: string): Promise<void> {
    const s = await this.#store.sessions.get(sessionId);
    if (!s || s.state !== 'destroying') return;
    const released = await this.#release(s);
    const done = await this.#store.sessions.transition(sessionId, ['destroying'], 'destroyed', { destroyedAt: released.destroyedAt, actualCost: released.actualCost });
    if (done) await this.#events.emit(sessionId, 'state', { state: 'destroyed', progress: 100, actualCost: released.actualCost });
  }

  /** Job handler for the TTL: destroys when due, re-arms when the session was extended. */
  async expire(sessionId: string): Promise<void> {
    const s = await this.#store.sessions.get(sessionId);
    if (!s || !(ACTIVE_STATES as readonly string[]).includes(s.state)) return;
    const remainingMs = s.expiresAt.getTime() - Date.now();
    if (remainingMs > 0) {
      await this.scheduleExpiry(s);
      return;
    }
    if (await this.requestDestroy(sessionId, `expired at ${s.expiresAt.toISOString()}`)) await this.finishDestroy(sessionId);
  }

  scheduleExpiry(s: SessionRecord): Promise<void> {
    const delayMs = Math.max(0, s.expiresAt.getTime() - Date.now());
    return this.#queue.enqueue('session.expire', { sessionId: s.id }, { jobId: `expire-${s.id}-${s.expiresAt.getTime()}`, delayMs });
  }

  /** Pushes expiresAt to now + ttlSeconds, never beyond createdAt + the maximum TTL. */
  async extend(session: SessionRecord, ttlSeconds: number): Promise<SessionRecord> {
    if (!(ACTIVE_STATES as readonly string[]).includes(session.state)) {
      throw new SpawnError('SESSION_NOT_ACTIVE', `the session is ${session.state} and can no longer be extended`);
    }
    const cap = session.createdAt.getTime() + this.#config.ttl.maxSeconds * 1000;
    const expiresAt = new Date(Math.min(Date.now() + ttlSeconds * 1000, cap));
    // The added lifetime is reserved like the first one was: refused (402) when the org may not spend it.
    const extraUsd = computeCost(this.#config, session.tier, (expiresAt.getTime() - session.expiresAt.getTime()) / 1000);
    if (this.#ledger) await this.#ledger.assertCanSpend(billingOrgOf(session), extraUsd);
    const patch = { expiresAt, ttlSeconds: Math.round((expiresAt.getTime() - session.createdAt.getTime()) / 1000) };
    // Guarded on the state we read, so a concurrent transition is never overwritten; re-read and retry.
    let current: SessionRecord | null = session;
    let updated: SessionRecord | null = null;
    for (let i = 0; i < 5 && current && !updated; i++) {
      if (!(ACTIVE_STATES as readonly string[]).includes(current.state)) break;
      updated = await this.#store.sessions.transition(current.id, [current.state], current.state, patch);
      if (!updated) current = await this.#store.sessions.get(session.id);
    }
    if (!updated) throw new SpawnError('SESSION_NOT_ACTIVE', 'the session ended while being extended');
    if (this.#ledger && extraUsd > 0) await this.#ledger.reserveMore(billingOrgOf(session), session.id, extraUsd, `reserve:${session.id}:${expiresAt.getTime()}`);
    await this.#events.log(session.id, `lifetime extended until ${expiresAt.toISOString()}`);
    await this.scheduleExpiry(updated);
    return updated;
  }

  /** Destroys the sandbox and records the compute cost of the measured lifetime. */
  async #release(s: SessionRecord): Promise<{ destroyedAt: Date; actualCost: number }> {
    if (this.#sandboxes) await this.#sandboxes.destroyForSession(s.id).catch((err: unknown) => this.#logger.error({ err, sessionId: s.id }, 'sandbox destroy failed; the reaper retries'));
    const destroyedAt = s.destroyedAt ?? new Date();
    const costs = await this.#store.costs.listBySession(s.id);
    if (!costs.some((c) => c.kind === 'compute')) {
      await this.#store.pauses.end(s.id, destroyedAt);
      // Paused time (scale-to-zero) is billed apart, at the lower pausedRateFactor.
      const lifetimeSeconds = Math.max(0, (destroyedAt.getTime() - s.createdAt.getTime()) / 1000);
      const pausedSeconds = Math.min(lifetimeSeconds, await this.#store.pauses.totalSeconds(s.id, destroyedAt));
      const seconds = lifetimeSeconds - pausedSeconds;
      const amountUsd = computeCost(this.#config, s.tier, seconds);
      await this.#store.costs.add({ sessionId: s.id, kind: 'compute', amountUsd, details: { seconds: Math.round(seconds), tier: s.tier }, at: destroyedAt });
      if (pausedSeconds > 0) {
        const rateFactor = this.#config.pricing.pausedRateFactor;
        const pausedUsd = roundUsd(((tierRate(this.#config, s.tier) * pausedSeconds) / 3600) * rateFactor);
        await this.#store.costs.add({ sessionId: s.id, kind: 'compute-paused', amountUsd: pausedUsd, details: { seconds: Math.round(pausedSeconds), tier: s.tier, rateFactor }, at: destroyedAt });
      }
    }
    const actualCost = roundUsd(await this.#store.costs.totalBySession(s.id));
    const ledger = this.#ledger;
    if (!ledger) await this.#store.sessions.update(s.id, { destroyedAt, actualCost });
    else {
      // The final cost and its settlement commit together: a crash never loses or doubles a charge.
      const settled = await this.#store.transaction(async (tx) => {
        await tx.sessions.update(s.id, { destroyedAt, actualCost });
        return ledger.settle(tx, s.id, actualCost, { estimateUsd: s.estimatedCost });
      });
      if (settled) ledger.notifySpend(billingOrgOf(s), { kind: 'session', usd: actualCost });
    }
    return { destroyedAt, actualCost };
  }
}
