import { randomUUID } from 'node:crypto';
import type { AlertRule, MoneyConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { AlertIncident, Store } from '../store/index.ts';
import type { WebhookService } from './webhook-service.ts';

/**
 * Alert rules fire once per incident, not once per check: raising opens an incident keyed by
 * (org, rule, subject) in the database — a second raise while it is open does nothing, on any
 * node — and only the opening is delivered (`alert.<rule>` to the org's webhooks).
 */
export class AlertService {
  readonly #d: { store: Store; webhooks: WebhookService; config: MoneyConfig; logger: Logger; onRaised?: (rule: AlertRule) => void };

  constructor(deps: { store: Store; webhooks: WebhookService; config: MoneyConfig; logger: Logger; onRaised?: (rule: AlertRule) => void }) {
    this.#d = deps;
  }

  enabled(rule: AlertRule): boolean {
    return !this.#d.config.alerts.off.includes(rule);
  }

  /** True when this call opened the incident (and delivered it). */
  async raise(orgId: string, rule: AlertRule, subject: string, summary: string, data: Record<string, unknown> = {}): Promise<boolean> {
    if (!this.enabled(rule)) return false;
    const opened = await this.#d.store.alerts.open({ id: randomUUID(), orgId, rule, subject, data: { ...data, summary }, openedAt: new Date() });
    if (!opened) return false;
    this.#d.logger.warn({ orgId, rule, subject }, `alert: ${summary}`);
    this.#d.onRaised?.(rule);
    await this.#d.webhooks.dispatch(orgId, `alert.${rule}`, summary, { rule, subject, ...data });
    return true;
  }

  /** Ends the incident, so the next occurrence is a new one. */
  resolve(orgId: string, rule: AlertRule, subject: string): Promise<boolean> {
    return this.#d.store.alerts.close(orgId, rule, subject, new Date());
  }

  list(orgId: string, limit = 100): Promise<AlertIncident[]> {
    return this.#d.store.alerts.listByOrg(orgId, limit);
  }
}
