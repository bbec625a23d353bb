import { ACTIVE_STATES } from '../../api-types.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import { PeriodicTask, type JobQueue } from '../../queue/index.ts';
import type { Store } from '../../store/index.ts';
import type { Lifecycle } from './lifecycle.ts';
import { HEARTBEAT_STALE_MS } from './heartbeat.ts';
import type { SandboxService } from '../../sandboxes/index.ts';

/** A `requested` session whose job has not started after this long is re-queued. */
const REQUEUE_AFTER_MS = 30_000;

export interface ReconcilerDeps {
  store: Store;
  queue: JobQueue;
  lifecycle: Lifecycle;
  sandboxes: SandboxService | null;
  config: SpawnConfig;
  logger: Logger;
  /**
   * Function runtimes label their sandboxes with a pseudo session id (`fn-<runtimeId>`); this says
   * whether such a sandbox is still wanted, so the reaper keeps warm runtimes alive.
   */
  isFunctionSandboxLive?: (sessionId: string) => Promise<boolean>;
}

/**
 * Makes the database true again, whatever was lost: runs at start-up and periodically on every
 * node. Sessions past expiresAt are destroyed (even if their delayed job vanished); sessions whose
 * worker died are re-driven; sessions stuck past the deadline fail with a reason; sandboxes no live
 * session owns are destroyed. Every step is a guarded update, so concurrent reconcilers are safe.
 */
export class Reconciler extends PeriodicTask {
  readonly #d: ReconcilerDeps;

  constructor(deps: ReconcilerDeps) {
    super(deps.config.reconcileIntervalMs, (err: unknown) => deps.logger.error({ err }, 'reconcile pass failed'));
    this.#d = deps;
  }

  protected async pass(): Promise<void> {
    const { store, lifecycle, queue, config } = this.#d;
    const now = Date.now();
    // One session's failure (e.g. the queue is down for a re-drive) must not hold up the others,
    // nor the reaper below: each step is logged and retried on the next pass.
    const step = (sessionId: string, work: () => Promise<unknown>): Promise<unknown> =>
      work().catch((err: unknown) => this.#d.logger.warn({ err, sessionId }, 'reconcile step failed; retried next pass'));
    for (const s of await store.sessions.listExpired(new Date(now), 200)) {
      await step(s.id, async () => {
        if (await lifecycle.requestDestroy(s.id, `expired at ${s.expiresAt.toISOString()}`)) await lifecycle.finishDestroy(s.id);
      });
    }
    const bucket = Math.floor(now / REQUEUE_AFTER_MS);
    for (const s of await store.sessions.listByStates(['requested', 'provisioning', 'generating', 'deploying', 'destroying'], { limit: 500 })) {
      const ageMs = now - s.createdAt.getTime();
      if (s.state === 'destroying') {
        if (now - s.updatedAt.getTime() > REQUEUE_AFTER_MS) await step(s.id, () => lifecycle.finishDestroy(s.id));
      } else if (ageMs > config.stuckAfterSeconds * 1000) {
        await step(s.id, () => lifecycle.fail(s.id, new SpawnError('STUCK_TIMEOUT', `no progress after ${config.stuckAfterSeconds} s in state ${s.state}`)));
      } else if (s.state === 'requested') {
        if (ageMs > REQUEUE_AFTER_MS) await step(s.id, () => queue.enqueue('session.run', { sessionId: s.id, ...(s.region ? { region: s.region } : {}) }, { jobId: `run-${s.id}-${bucket}` }));
      } else if (!s.heartbeatAt || now - s.heartbeatAt.getTime() > HEARTBEAT_STALE_MS) {
        this.#d.logger.warn({ sessionId: s.id, workerId: s.workerId }, 'worker lost; re-driving the session');
        await step(s.id, () => queue.enqueue('session.run', { sessionId: s.id, redrive: true, ...(s.region ? { region: s.region } : {}) }, { jobId: `redrive-${s.id}-${bucket}` }));
      }
    }
    if (this.#d.sandboxes) {
      const live = new Set<string>();
      await this.#d.sandboxes.reap(async (sessionId) => {
        if (live.has(sessionId)) return true;
        if (sessionId.startsWith('fn-') && this.#d.isFunctionSandboxLive) return this.#d.isFunctionSandboxLive(sessionId);
        const s = await store.sessions.get(sessionId);
        const isLive = !!s && (ACTIVE_STATES as readonly string[]).includes(s.state);
        if (isLive) live.add(sessionId);
        return isLive;
      });
    }
  }
}
