import { TASK_FINAL_STATES, type TaskState } from '../api-types.ts';
import { billingOrgOf, type Ledger } from '../billing/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { JobQueue } from '../queue/index.ts';
import type { FunctionVersionRecord, NewTask, Store, TaskRecord } from '../store/index.ts';
import type { FunctionRegistry } from './function-registry.ts';
import { ExecuteFunctionRequestSchema } from '../api-schemas/index.ts';
import { parseBody } from './function-input.ts';
import { newId } from './ids.ts';
import { validateInputs } from './input-schema.ts';
import type { ResultCache } from '../cache/index.ts';
import { resultCacheKey } from './result-cache.ts';
import type { TaskEvents } from './task-events.ts';
import type { FileService } from './files/index.ts';

const POLL_MS = 250;
const LIST_DEFAULT = 50;
const LIST_MAX = 500;

export function isFinal(state: TaskState): boolean {
  return (TASK_FINAL_STATES as readonly string[]).includes(state);
}

export interface TaskContext {
  workflowRunId?: string;
  stepId?: string;
  studyId?: string;
  studyIndex?: number;
}

export interface TaskServiceDeps {
  store: Store;
  queue: JobQueue;
  registry: FunctionRegistry;
  cache: ResultCache;
  events: TaskEvents;
  ledger?: Ledger;
  files: FileService;
  /** The server's cap on an organisation's queued + running function calls (SPAWN_MAX_FUNCTION_CONCURRENCY). */
  maxFunctionConcurrency?: number;
}

/**
 * Creates tasks (answering from the result cache when it can, else queueing a `task.run` job) and
 * reads them back. Runs on every node: it needs the store and the queue, never a sandbox.
 */
export class TaskService {
  readonly #d: TaskServiceDeps;

  constructor(deps: TaskServiceDeps) {
    this.#d = deps;
  }

  /** `POST /api/functions/:id/execute`: the task, finished if it ended within `wait` seconds. */
  async execute(ownerId: string, functionId: string, body: unknown): Promise<TaskRecord> {
    const { inputs = {}, wait } = parseBody(ExecuteFunctionRequestSchema, body);
    const fn = await this.#d.registry.get(ownerId, functionId);
    validateInputs(fn.inputSchema, inputs);
    await this.#d.files.assertReadable(ownerId, inputs);
    const task = (await this.submit(fn, inputs, {}, () => this.#admit(ownerId))) as TaskRecord;
    return wait && !isFinal(task.state) ? this.waitFinal(task.id, wait * 1000) : task;
  }

  /**
   * A direct call is refused (429, like the session limits) while the organisation has as many
   * calls queued or running as its limit — its admin's `maxFunctionConcurrency`, never above the
   * server's cap. Workflow and study steps are not refused: their runs were admitted already.
   * Two calls racing for the last slot may both pass: the limit is a fairness bound, not a lock.
   */
  async #admit(ownerId: string): Promise<void> {
    const own = (await this.#d.store.orgs.get(ownerId))?.limits.maxFunctionConcurrency;
    const limit = Math.min(own ?? Infinity, this.#d.maxFunctionConcurrency ?? Infinity);
    if (limit === Infinity) return;
    const active = await this.#d.store.tasks.countActiveByOwner(ownerId);
    if (active >= limit) {
      throw new SpawnError('FUNCTION_CONCURRENCY_LIMIT', `${active} function calls are queued or running in this organisation (limit ${limit}): wait for one to finish`, {
        details: { active, limit },
      });
    }
  }

  /**
   * Creates the task for inputs already validated. For a workflow step it returns null when the
   * step already has a task (another node advanced the run first).
   */
  async submit(fn: FunctionVersionRecord, inputs: unknown, context: TaskContext, admit?: () => Promise<void>): Promise<TaskRecord | null> {
    const base: NewTask = { id: newId('task'), ownerId: fn.ownerId, functionId: fn.functionId, version: fn.version, inputs, ...context };
    const hit = await this.#d.cache.get(resultCacheKey(fn.functionId, fn.version, inputs));
    // A cached answer occupies no runtime: only a call that will run counts against the limit.
    if (!hit) await admit?.();
    // A cache hit costs nothing and is never refused; a call that will run needs credit.
    if (!hit) await this.#d.ledger?.assertCanSpend(billingOrgOf(fn));
    const draft: NewTask = hit ? { ...base, state: 'completed', cached: true, ...hit } : base;
    const task = await this.create(draft);
    if (task?.state === 'queued') await this.enqueue(task.id);
    if (task && isFinal(task.state)) this.#d.events.finished(task);
    return task;
  }

  /** Stores a task as given (a final one too: e.g. a step whose inputs could not be resolved). */
  create(task: NewTask): Promise<TaskRecord | null> {
    const { workflowRunId, stepId } = task;
    if (workflowRunId && stepId) return this.#d.store.tasks.createStep({ ...task, workflowRunId, stepId });
    return this.#d.store.tasks.create(task);
  }

  enqueue(taskId: string, dedupeSuffix = ''): Promise<void> {
    // One attempt per job: the task row, not the queue, decides about retries (see TaskSweeper).
    return this.#d.queue.enqueue('task.run', { sessionId: taskId, taskId }, { jobId: `task-${taskId}${dedupeSuffix}`, attempts: 1 });
  }

  async get(ownerId: string, taskId: string): Promise<TaskRecord> {
    const task = await this.#d.store.tasks.get(taskId);
    if (!task || task.ownerId !== ownerId) throw new SpawnError('TASK_NOT_FOUND', `no task ${taskId}`);
    return task;
  }

  list(ownerId: string, options: { functionId?: string; limit?: number }): Promise<TaskRecord[]> {
    const limit = Math.min(Math.max(options.limit ?? LIST_DEFAULT, 1), LIST_MAX);
    return this.#d.store.tasks.listByOwner(ownerId, { functionId: options.functionId, limit });
  }

  /** The task once final, or as it stands after `ms`. */
  async waitFinal(taskId: string, ms: number): Promise<TaskRecord> {
    const until = Date.now() + ms;
    for (;;) {
      // Listen before reading, so a task finishing in between is not missed.
      const news = this.#d.events.next(taskId, Math.max(1, Math.min(POLL_MS, until - Date.now())));
      const task = await this.#d.store.tasks.get(taskId);
      if (!task) throw new SpawnError('TASK_NOT_FOUND', `no task ${taskId}`);
      if (isFinal(task.state) || Date.now() >= until) return task;
      await news;
    }
  }
}
