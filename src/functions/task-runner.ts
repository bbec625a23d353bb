import type { TaskState } from '../api-types.ts';
import type { SpawnConfig } from '../config/index.ts';
import { billingOrgOf, type Ledger } from '../billing/index.ts';
import type { Logger } from '../log/index.ts';
import { toSpawnError } from '../errors/index.ts';
import type { JobContext } from '../queue/index.ts';
import type { Store, TaskRecord, TaskResult } from '../store/index.ts';
import type { PooledOutcome, WarmPool } from './warm-pool.ts';
import type { ResultCache } from '../cache/index.ts';
import { resultCacheKey } from './result-cache.ts';
import type { TaskEvents } from './task-events.ts';
import { readOutputFiles, type FileService, type RunnerFile } from './files/index.ts';
import { withSpan } from '../telemetry/index.ts';

const HEARTBEAT_MS = 5_000;
/** A running task whose heartbeat is older than this lost its worker. */
export const TASK_HEARTBEAT_STALE_MS = 15_000;

export interface TaskRunnerDeps {
  store: Store;
  pool: WarmPool;
  cache: ResultCache;
  events: TaskEvents;
  files: FileService;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
  /** Called after a workflow step's task finished (advances its run). */
  onStepFinished: (workflowRunId: string) => Promise<void>;
  /** Charges the call's sandbox-seconds in the transaction that records its end. */
  ledger?: Ledger;
}

/**
 * The `task.run` job on a worker: claims the task (a guarded update, so a duplicate job is a
 * no-op), calls the function in a warm runtime with a heartbeat running, and records the result.
 */
export class TaskRunner {
  readonly #d: TaskRunnerDeps;

  constructor(deps: TaskRunnerDeps) {
    this.#d = deps;
  }

  async run(job: JobContext): Promise<void> {
    const { store, workerId } = this.#d;
    const taskId = String(job.data.taskId ?? job.data.sessionId);
    const task = await store.tasks.claim(taskId, workerId, new Date(Date.now() - TASK_HEARTBEAT_STALE_MS));
    if (!task) return;
    const heartbeat = setInterval(() => void store.tasks.heartbeat(task.id, workerId).catch(() => undefined), HEARTBEAT_MS);
    heartbeat.unref();
    let finished: TaskRecord | null;
    try {
      finished = await this.#execute(task, job.signal);
    } finally {
      clearInterval(heartbeat);
    }
    if (!finished) return;
    this.#d.events.finished(finished);
    if (finished.workflowRunId) await this.#d.onStepFinished(finished.workflowRunId);
  }

  async #execute(task: TaskRecord, signal: AbortSignal): Promise<TaskRecord | null> {
    const { store, config, workerId } = this.#d;
    if (task.attempts > config.functions.taskAttempts) {
      return this.#finish(task, 'failed', failure('TASK_WORKER_LOST', `the task's worker stopped ${task.attempts - 1} time(s); giving up`));
    }
    const fn = await store.functions.getVersion(task.functionId, task.version);
    if (!fn) return this.#finish(task, 'failed', failure('FUNCTION_NOT_FOUND', `function ${task.functionId} version ${task.version} no longer exists`));
    const timeoutSeconds = fn.timeoutSeconds ?? config.functions.timeoutSeconds;
    let inputFiles: RunnerFile[];
    try {
      inputFiles = await this.#d.files.forRunner(task);
    } catch (err) {
      const error = toSpawnError(err, 'FILE_NOT_FOUND');
      return this.#finish(task, 'failed', failure(error.code, error.message));
    }
    let outcome: PooledOutcome;
    try {
      const attrs = { 'spawn.task.id': task.id, 'spawn.function.id': fn.functionId, 'spawn.function.version': fn.version, 'spawn.function.runtime': fn.runtime };
      outcome = await withSpan('sandbox run', attrs, async (span) => {
        const ran = await this.#d.pool.invoke(fn, task.inputs, timeoutSeconds * 1000, signal, inputFiles);
        span.setAttributes({ 'spawn.function.outcome': ran.kind, 'spawn.function.warm': ran.warm, 'spawn.function.duration_ms': ran.durationMs });
        return ran;
      });
    } catch (err) {
      // Shutting down: leave it running; its heartbeat stops and the sweeper re-queues it.
      if (signal.aborted) return null;
      this.#d.logger.warn({ err, taskId: task.id, workerId }, 'function runtime failed');
      const error = toSpawnError(err, 'PROVISIONING_FAILED');
      return this.#finish(task, 'failed', failure(error.code, error.message));
    }
    switch (outcome.kind) {
      case 'ok': {
        const files = readOutputFiles(outcome.files, { maxFiles: config.files.outputMaxFiles, maxBytes: config.files.outputMaxBytes });
        if (!files.ok) return this.#finish(task, 'failed', { ...failure('FUNCTION_OUTPUT_TOO_LARGE', files.message), stdout: outcome.stdout, stderr: outcome.stderr, durationMs: outcome.durationMs });
        // Saved before the task is final: whoever sees it completed sees its files too.
        await this.#d.files.saveOutputs(task, files.files);
        const result = { outputs: outcome.outputs, errorCode: null, errorMessage: null, stdout: outcome.stdout, stderr: outcome.stderr, durationMs: outcome.durationMs };
        const done = await this.#finish(task, 'completed', result);
        // A cached answer would have no files: only calls that left none are cached.
        if (done && files.files.length === 0) await this.#d.cache.put(resultCacheKey(fn.functionId, fn.version, task.inputs), { outputs: outcome.outputs, stdout: outcome.stdout, stderr: outcome.stderr, durationMs: outcome.durationMs });
        return done;
      }
      case 'error':
        return this.#finish(task, 'failed', { ...failure(outcome.code, outcome.message), stdout: outcome.stdout, stderr: outcome.stderr, durationMs: outcome.durationMs });
      case 'timeout':
        return this.#finish(task, 'timeout', { ...failure('FUNCTION_TIMEOUT', `the function did not return within ${timeoutSeconds} s; its runtime was destroyed`), durationMs: outcome.durationMs });
      case 'crashed':
        return this.#finish(task, 'failed', { ...failure('FUNCTION_CRASHED', outcome.message), durationMs: outcome.durationMs });
    }
  }

  async #finish(task: TaskRecord, state: TaskState, result: TaskResult): Promise<TaskRecord | null> {
    const { store, ledger, workerId } = this.#d;
    const seconds = (result.durationMs ?? 0) / 1000;
    if (!ledger || seconds <= 0) return store.tasks.finish(task.id, workerId, state, result);
    const orgId = billingOrgOf(task);
    let usd = 0;
    const done = await store.transaction(async (tx) => {
      const finished = await tx.tasks.finish(task.id, workerId, state, result);
      if (finished) usd = await ledger.chargeFunction(tx, orgId, task.id, seconds, { functionId: task.functionId, ownerId: task.ownerId });
      return finished;
    });
    if (done) ledger.notifySpend(orgId, { kind: 'function', usd });
    return done;
  }
}

function failure(code: string, message: string): TaskResult {
  return { outputs: null, errorCode: code, errorMessage: message, stdout: '', stderr: '', durationMs: null };
}

