import { AlertService, BacklogWatch, Signals, WebhookSender, WebhookService } from '../alerts/index.ts';
import { Ledger } from '../billing/index.ts';
import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { JobQueue } from '../queue/index.ts';
import type { Store } from '../store/index.ts';
import { tierRate } from './cost.ts';
import type { Metrics } from './metrics.ts';

const WATCH_MAX_INTERVAL_MS = 10_000;

/** Credits, alerts and webhooks of one node, wired together (issue 16). */
export interface Money {
  readonly ledger: Ledger;
  readonly webhooks: WebhookService;
  readonly alerts: AlertService;
  readonly signals: Signals;
  readonly sender: WebhookSender;
  readonly watch: BacklogWatch;
}

export function createMoney(store: Store, queue: JobQueue, config: SpawnConfig, logger: Logger, metrics: Metrics): Money {
  const money = config.money;
  const ledger = new Ledger(store, money, tierRate(config, config.pricing.functionTier ?? config.defaultTier));
  const webhooks = new WebhookService({ store, queue, config: money, logger });
  const alerts = new AlertService({ store, webhooks, config: money, logger, onRaised: (rule) => metrics.alertsFired.inc({ rule }) });
  const signals = new Signals({ store, ledger, alerts, webhooks, config: money, logger });
  ledger.onSpend((orgId, charge) => {
    if (charge && charge.usd > 0) metrics.spendUsd.inc({ kind: charge.kind }, charge.usd);
    signals.spend(orgId);
  });
  const sender = new WebhookSender({ store, queue, config: money, logger, onAttempt: (ok) => metrics.webhookAttempts.inc({ result: ok ? 'ok' : 'error' }) });
  const intervalMs = Math.min(WATCH_MAX_INTERVAL_MS, (money.alerts.backlogSeconds * 1000) / 4);
  const watch = new BacklogWatch({ queue, store, ledger, alerts, config: money, logger, intervalMs });
  return { ledger, webhooks, alerts, signals, sender, watch };
}
