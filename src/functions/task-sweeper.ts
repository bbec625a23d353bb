import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { PeriodicTask, type JobQueue } from '../queue/index.ts';
import type { Store } from '../store/index.ts';
import { TASK_HEARTBEAT_STALE_MS } from './task-runner.ts';
import type { TaskEvents } from './task-events.ts';
import type { TaskService } from './task-service.ts';
import type { WarmPool } from './warm-pool.ts';
import type { WorkflowService } from './workflow-service.ts';

/** A queued task older than this, with nothing waiting in the queue, lost its job. */
const REQUEUE_AFTER_MS = 30_000;
/** Runs not closed after this long are re-advanced (the advance after their last step was lost). */
const RUN_RECHECK_AFTER_MS = 10_000;
const BATCH = 200;

export interface TaskSweeperDeps {
  store: Store;
  queue: JobQueue;
  tasks: TaskService;
  workflows: WorkflowService;
  events: TaskEvents;
  pool: WarmPool | null;
  config: SpawnConfig;
  logger: Logger;
}

/**
 * The tasks' reconciler, on every node at start-up and every SPAWN_RECONCILE_INTERVAL_SECONDS:
 * a running task whose worker stopped heart-beating is re-queued (up to SPAWN_TASK_ATTEMPTS runs)
 * or failed with TASK_WORKER_LOST — never left `running`; lost jobs are re-enqueued; open
 * workflow runs are advanced; warm runtimes idle too long are destroyed; expired cache rows go.
 */
export class TaskSweeper extends PeriodicTask {
  readonly #d: TaskSweeperDeps;

  constructor(deps: TaskSweeperDeps) {
    super(deps.config.reconcileIntervalMs, (err: unknown) => deps.logger.error({ err }, 'task sweep failed'));
    this.#d = deps;
  }

  protected async pass(): Promise<void> {
    const { store, queue, tasks, workflows, events, config, logger } = this.#d;
    const now = Date.now();
    const queueIdle = (await queue.depth()) === 0;
    for (const task of await store.tasks.listStuck(new Date(now - TASK_HEARTBEAT_STALE_MS), new Date(now - REQUEUE_AFTER_MS), BATCH)) {
      if (task.state === 'queued') {
        if (queueIdle) await tasks.enqueue(task.id, `-q${Math.floor(now / REQUEUE_AFTER_MS)}`);
        continue;
      }
      const guard = { expectHeartbeatAt: task.heartbeatAt };
      if (task.attempts < config.functions.taskAttempts) {
        logger.warn({ taskId: task.id, workerId: task.workerId }, 'task worker lost; re-queueing the task');
        if (await store.tasks.transition(task.id, ['running'], 'queued', guard)) await tasks.enqueue(task.id, `-a${task.attempts}`);
        continue;
      }
      const message = `the worker running the task stopped (${task.workerId ?? 'unknown'}; attempt ${task.attempts} of ${config.functions.taskAttempts})`;
      const failed = await store.tasks.transition(task.id, ['running'], 'failed', { ...guard, errorCode: 'TASK_WORKER_LOST', errorMessage: message });
      if (failed) {
        events.finished(failed);
        if (failed.workflowRunId) await workflows.advance(failed.workflowRunId);
      }
    }
    for (const run of await store.workflows.listRunning(new Date(now - RUN_RECHECK_AFTER_MS), BATCH)) await workflows.advance(run.id);
    await this.#d.pool?.sweep();
    await store.resultCache.deleteExpired(new Date(now));
  }
}
