import { settleOrphanReservations, type Ledger } from '../billing/index.ts';
import type { MoneyConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { PeriodicTask, type JobQueue } from '../queue/index.ts';
import type { Store } from '../store/index.ts';
import type { AlertService } from './alert-service.ts';

/** Installation-wide alerts go to the installation admins' organisations (the local owner's included). */
export function installationOrgs(config: MoneyConfig): string[] {
  return [...new Set(['local', ...config.admins])];
}

/**
 * The periodic pass of the money and signals side: the queue backlog rule (depth above N for M
 * seconds opens one incident, falling back below N closes it) and the settlement of orphaned
 * reservations (see settleOrphanReservations).
 */
export class BacklogWatch extends PeriodicTask {
  readonly #d: { queue: JobQueue; store: Store; ledger: Ledger; alerts: AlertService; config: MoneyConfig };
  #aboveSince: number | null = null;

  constructor(deps: { queue: JobQueue; store: Store; ledger: Ledger; alerts: AlertService; config: MoneyConfig; logger: Logger; intervalMs: number }) {
    super(deps.intervalMs, (err) => deps.logger.warn({ err }, 'alert pass failed'));
    this.#d = deps;
  }

  protected async pass(): Promise<void> {
    await this.checkBacklog(await this.#d.queue.depth(), Date.now());
    await settleOrphanReservations(this.#d.store, this.#d.ledger);
  }

  async checkBacklog(depth: number, now: number): Promise<void> {
    const { backlogJobs, backlogSeconds } = this.#d.config.alerts;
    if (depth <= backlogJobs) {
      if (this.#aboveSince !== null) for (const org of installationOrgs(this.#d.config)) await this.#d.alerts.resolve(org, 'queue_backlog', 'queue');
      this.#aboveSince = null;
      return;
    }
    this.#aboveSince ??= now;
    if (now - this.#aboveSince < backlogSeconds * 1000) return;
    for (const org of installationOrgs(this.#d.config)) {
      await this.#d.alerts.raise(org, 'queue_backlog', 'queue', `the job queue has held more than ${backlogJobs} jobs for ${Math.round((now - this.#aboveSince) / 1000)} s (now ${depth})`, { depth, sinceMs: this.#aboveSince });
    }
  }
}
