import { billingOrgOf, formatUsd, type Ledger } from '../billing/index.ts';
import type { MoneyConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { SessionRecord, Store, StudyRecord, TaskRecord } from '../store/index.ts';
import type { AlertService } from './alert-service.ts';
import { checkSpendAlerts } from './spend-alerts.ts';
import type { WebhookService } from './webhook-service.ts';

/** Failure codes that are alerts of their own besides `session.failed`. */
const CODE_RULES = { APP_UNHEALTHY: 'app_unhealthy', WORKER_LOST: 'worker_lost', TASK_WORKER_LOST: 'worker_lost', HOST_CAPACITY_EXHAUSTED: 'memory_floor' } as const;

export interface SignalsDeps {
  store: Store;
  ledger: Ledger;
  alerts: AlertService;
  webhooks: WebhookService;
  config: MoneyConfig;
  logger: Logger;
}

/**
 * Turns what the platform records into webhook deliveries and alerts: session states (running,
 * failed, destroyed with its final cost), finished tasks, money moving. Every handler runs after
 * the fact and never throws into the caller: a webhook outage must not fail a session.
 */
export class Signals {
  readonly #d: SignalsDeps;

  constructor(deps: SignalsDeps) {
    this.#d = deps;
  }

  /** The observer SessionEvents calls for every event it records. */
  sessionEvent(sessionId: string, type: string, data: Record<string, unknown>): void {
    if (type !== 'state') return;
    const state = data.state;
    if (state !== 'running' && state !== 'failed' && state !== 'destroyed') return;
    this.#guard(this.#sessionState(sessionId, state), { sessionId });
  }

  taskFinished(task: TaskRecord): void {
    this.#guard(this.#task(task), { taskId: task.id });
  }

  /**
   * A study whose last run ended: `study.completed` always, and `study.failed` besides when every
   * run failed (nothing came out of it). Each is sent once per study, whichever node noticed first.
   */
  studyFinished(outcome: { study: StudyRecord; completed: number; failed: number }): void {
    const { study, completed, failed } = outcome;
    const orgId = billingOrgOf(study);
    const data = { studyId: study.id, ownerId: study.ownerId, targetKind: study.targetKind, targetId: study.targetId, totalRuns: study.totalRuns, completed, failed };
    const summary = `study ${study.id} of ${study.targetId} finished: ${completed} of ${study.totalRuns} run(s) completed${failed ? `, ${failed} failed` : ''}`;
    this.#guard(this.#d.webhooks.dispatch(orgId, 'study.completed', summary, data, { onceKey: `study.completed:${study.id}` }), { studyId: study.id });
    if (study.totalRuns === 0 || completed > 0) return;
    const failedSummary = `study ${study.id} of ${study.targetId} failed: all ${study.totalRuns} run(s) failed`;
    this.#guard(this.#d.webhooks.dispatch(orgId, 'study.failed', failedSummary, data, { onceKey: `study.failed:${study.id}` }), { studyId: study.id });
  }

  spend(orgId: string): void {
    this.#guard(
      this.#d.ledger.status(orgId).then((status) => checkSpendAlerts(this.#d.alerts, status)),
      { orgId },
    );
  }

  async #sessionState(sessionId: string, state: 'running' | 'failed' | 'destroyed'): Promise<void> {
    const s = await this.#d.store.sessions.get(sessionId);
    if (!s) return;
    const orgId = billingOrgOf(s);
    const data = sessionData(s);
    if (state === 'running') {
      await this.#d.webhooks.dispatch(orgId, 'session.running', `"${s.title}" is running: ${s.id}`, data);
      return;
    }
    if (state === 'failed') {
      await this.#d.webhooks.dispatch(orgId, 'session.failed', `"${s.title}" failed with ${s.errorCode ?? 'an error'}: ${s.errorMessage ?? ''}`.trim(), data);
      const rule = s.errorCode ? CODE_RULES[s.errorCode as keyof typeof CODE_RULES] : undefined;
      if (rule) await this.#d.alerts.raise(orgId, rule, s.id, `session ${s.id} ("${s.title}") ended ${s.errorCode}: ${s.errorMessage ?? ''}`.trim(), data);
    } else {
      await this.#d.webhooks.dispatch(orgId, 'session.destroyed', `"${s.title}" was destroyed; it cost ${formatUsd(s.actualCost ?? 0)}`, data);
    }
    const limit = (s.estimatedCost * this.#d.config.alerts.costOverrunPercent) / 100;
    if (s.actualCost !== null && s.estimatedCost > 0 && s.actualCost > limit) {
      const pct = Math.round((s.actualCost / s.estimatedCost) * 100);
      await this.#d.alerts.raise(orgId, 'cost_overrun', s.id, `session ${s.id} ("${s.title}") cost ${formatUsd(s.actualCost)}, ${pct}% of its ${formatUsd(s.estimatedCost)} estimate`, data);
    }
  }

  async #task(task: TaskRecord): Promise<void> {
    const orgId = billingOrgOf(task);
    const data = { taskId: task.id, functionId: task.functionId, state: task.state, errorCode: task.errorCode, durationMs: task.durationMs, ownerId: task.ownerId };
    if (task.state === 'completed') await this.#d.webhooks.dispatch(orgId, 'task.completed', `task ${task.id} of ${task.functionId} completed`, data);
    else await this.#d.webhooks.dispatch(orgId, 'task.failed', `task ${task.id} of ${task.functionId} ended ${task.state}: ${task.errorCode ?? ''}`.trim(), data);
    if (task.errorCode === 'TASK_WORKER_LOST') await this.#d.alerts.raise(orgId, 'worker_lost', task.id, `the worker running task ${task.id} was lost`, data);
  }

  #guard(work: Promise<unknown>, context: Record<string, unknown>): void {
    work.catch((err: unknown) => this.#d.logger.warn({ err, ...context }, 'alert or webhook not recorded'));
  }
}

function sessionData(s: SessionRecord): Record<string, unknown> {
  return {
    sessionId: s.id,
    ownerId: s.ownerId,
    title: s.title,
    appType: s.appType,
    state: s.state,
    errorCode: s.errorCode,
    estimatedCostUsd: s.estimatedCost,
    actualCostUsd: s.actualCost,
  };
}
