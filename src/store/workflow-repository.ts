import type { Kysely } from 'kysely';
import { toJson } from './codec.ts';
import { runFromRow, workflowFromRow } from './function-rows.ts';
import type { WorkflowRecord, WorkflowRepository, WorkflowRunRecord } from './function-store.ts';
import type { Database } from './schema.ts';

export class KyselyWorkflowRepository implements WorkflowRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(workflow: Omit<WorkflowRecord, 'createdAt'>): Promise<WorkflowRecord> {
    const row = await this.#db
      .insertInto('workflows')
      .values({ id: workflow.id, owner_id: workflow.ownerId, org_id: workflow.ownerId, name: workflow.name, steps: toJson(workflow.steps), created_at: Date.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return workflowFromRow(row);
  }

  async get(id: string): Promise<WorkflowRecord | null> {
    const row = await this.#db.selectFrom('workflows').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? workflowFromRow(row) : null;
  }

  async listByOwner(ownerId: string, limit: number): Promise<WorkflowRecord[]> {
    const rows = await this.#db.selectFrom('workflows').selectAll().where('owner_id', '=', ownerId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(workflowFromRow);
  }

  async createRun(run: Omit<WorkflowRunRecord, 'createdAt' | 'finishedAt' | 'state' | 'errorMessage'>): Promise<WorkflowRunRecord> {
    const row = await this.#db
      .insertInto('workflow_runs')
      .values({
        id: run.id,
        workflow_id: run.workflowId,
        owner_id: run.ownerId,
        state: 'running',
        inputs: toJson(run.inputs),
        study_id: run.studyId,
        study_index: run.studyIndex,
        error_message: null,
        created_at: Date.now(),
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return runFromRow(row);
  }

  async getRun(id: string): Promise<WorkflowRunRecord | null> {
    const row = await this.#db.selectFrom('workflow_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? runFromRow(row) : null;
  }

  async finishRun(id: string, state: 'completed' | 'failed', errorMessage: string | null): Promise<WorkflowRunRecord | null> {
    const row = await this.#db
      .updateTable('workflow_runs')
      .set({ state, error_message: errorMessage, finished_at: Date.now() })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    return row ? runFromRow(row) : null;
  }

  async listRunsByStudy(studyId: string): Promise<WorkflowRunRecord[]> {
    const rows = await this.#db.selectFrom('workflow_runs').selectAll().where('study_id', '=', studyId).orderBy('study_index', 'asc').execute();
    return rows.map(runFromRow);
  }

  async listRunning(createdBefore: Date, limit: number): Promise<WorkflowRunRecord[]> {
    const rows = await this.#db
      .selectFrom('workflow_runs')
      .selectAll()
      .where('state', '=', 'running')
      .where('created_at', '<', createdBefore.getTime())
      .orderBy('created_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map(runFromRow);
  }
}
