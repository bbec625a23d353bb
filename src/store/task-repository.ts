import type { Kysely } from 'kysely';
import type { TaskState } from '../api-types.ts';
import { toJson } from './codec.ts';
import { taskFromRow, taskToRow } from './function-rows.ts';
import type { NewTask, TaskRecord, TaskRepository, TaskResult } from './function-store.ts';
import type { Database } from './schema.ts';

function resultToRow(result: Partial<TaskResult>) {
  return {
    ...(result.outputs === undefined ? {} : { outputs: result.outputs === null ? null : toJson(result.outputs) }),
    ...(result.errorCode === undefined ? {} : { error_code: result.errorCode }),
    ...(result.errorMessage === undefined ? {} : { error_message: result.errorMessage }),
    ...(result.stdout === undefined ? {} : { stdout: result.stdout }),
    ...(result.stderr === undefined ? {} : { stderr: result.stderr }),
    ...(result.durationMs === undefined ? {} : { duration_ms: result.durationMs }),
  };
}

const FINAL: readonly TaskState[] = ['completed', 'failed', 'timeout'];

export class KyselyTaskRepository implements TaskRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(task: NewTask): Promise<TaskRecord> {
    const row = await this.#db.insertInto('tasks').values(taskToRow(task, Date.now())).returningAll().executeTakeFirstOrThrow();
    return taskFromRow(row);
  }

  async createStep(task: NewTask & { workflowRunId: string; stepId: string }): Promise<TaskRecord | null> {
    const row = await this.#db
      .insertInto('tasks')
      .values(taskToRow(task, Date.now()))
      .onConflict((oc) => oc.columns(['workflow_run_id', 'step_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ? taskFromRow(row) : null;
  }

  async get(id: string): Promise<TaskRecord | null> {
    const row = await this.#db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? taskFromRow(row) : null;
  }

  async listByOwner(ownerId: string, options: { functionId?: string; limit: number }): Promise<TaskRecord[]> {
    let query = this.#db.selectFrom('tasks').selectAll().where('owner_id', '=', ownerId);
    if (options.functionId) query = query.where('function_id', '=', options.functionId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map(taskFromRow);
  }

  async countActiveByOwner(ownerId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('owner_id', '=', ownerId)
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirst();
    // PostgreSQL answers count(*) as a bigint string.
    return Number(row?.n ?? 0);
  }

  async listByRun(workflowRunId: string): Promise<TaskRecord[]> {
    const rows = await this.#db.selectFrom('tasks').selectAll().where('workflow_run_id', '=', workflowRunId).execute();
    return rows.map(taskFromRow);
  }

  async listByStudy(studyId: string): Promise<TaskRecord[]> {
    const rows = await this.#db.selectFrom('tasks').selectAll().where('study_id', '=', studyId).orderBy('study_index', 'asc').execute();
    return rows.map(taskFromRow);
  }

  async claim(id: string, workerId: string, staleBefore: Date): Promise<TaskRecord | null> {
    const now = Date.now();
    const row = await this.#db
      .updateTable('tasks')
      .set((eb) => ({ state: 'running', worker_id: workerId, heartbeat_at: now, started_at: now, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', staleBefore.getTime())])]))
      .returningAll()
      .executeTakeFirst();
    return row ? taskFromRow(row) : null;
  }

  async heartbeat(id: string, workerId: string): Promise<void> {
    await this.#db.updateTable('tasks').set({ heartbeat_at: Date.now() }).where('id', '=', id).where('worker_id', '=', workerId).where('state', '=', 'running').execute();
  }

  async finish(id: string, workerId: string, state: TaskState, result: TaskResult): Promise<TaskRecord | null> {
    const row = await this.#db
      .updateTable('tasks')
      .set({ ...resultToRow(result), state, finished_at: Date.now() })
      .where('id', '=', id)
      .where('worker_id', '=', workerId)
      .where('state', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    return row ? taskFromRow(row) : null;
  }

  async transition(id: string, from: readonly TaskState[], to: TaskState, patch: Partial<TaskResult> & { expectHeartbeatAt?: Date | null } = {}): Promise<TaskRecord | null> {
    if (from.length === 0) return null;
    let query = this.#db
      .updateTable('tasks')
      .set({ ...resultToRow(patch), state: to, ...(FINAL.includes(to) ? { finished_at: Date.now() } : {}) })
      .where('id', '=', id)
      .where('state', 'in', [...from]);
    // The heartbeat the sweeper saw: if the worker wrote a newer one meanwhile, it is alive.
    if (patch.expectHeartbeatAt !== undefined) {
      query = patch.expectHeartbeatAt === null ? query.where('heartbeat_at', 'is', null) : query.where('heartbeat_at', '=', patch.expectHeartbeatAt.getTime());
    }
    const row = await query.returningAll().executeTakeFirst();
    return row ? taskFromRow(row) : null;
  }

  async listStuck(before: Date, queuedBefore: Date, limit: number): Promise<TaskRecord[]> {
    const rows = await this.#db
      .selectFrom('tasks')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', before.getTime())]),
          eb.and([eb('state', '=', 'queued'), eb('created_at', '<', queuedBefore.getTime())]),
        ]),
      )
      .orderBy('created_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map(taskFromRow);
  }
}
