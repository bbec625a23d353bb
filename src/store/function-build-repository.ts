import type { Kysely, Selectable } from 'kysely';
import type { FunctionRuntime } from '../api-types.ts';
import { fromJson, fromMs, toJson } from './codec.ts';
import type { Database } from './schema.ts';

export type BuildState = 'pending' | 'building' | 'ready' | 'failed';

/** One requirement set's build (shared by every function version with the same set). */
export interface FunctionBuildRecord {
  key: string;
  runtime: FunctionRuntime;
  requirements: string[];
  state: BuildState;
  log: string;
  /** The content-addressed layer it produced (ready builds). */
  layer: string | null;
  workerId: string | null;
  updatedAt: Date;
  lastUsedAt: Date;
}

export interface FunctionBuildsTable {
  build_key: string;
  runtime: string;
  /** JSON text: the normalised requirement lines */
  requirements: string;
  state: string;
  log: string;
  layer: string | null;
  worker_id: string | null;
  created_at: number;
  updated_at: number;
  last_used_at: number;
}

export interface FunctionBuildRepository {
  /** Creates the build as `pending` unless it exists; marks it used either way. */
  ensure(key: string, runtime: FunctionRuntime, requirements: string[]): Promise<FunctionBuildRecord>;
  get(key: string): Promise<FunctionBuildRecord | null>;
  /** A failed build back to pending (registering the same set again retries it). */
  retry(key: string): Promise<void>;
  /** pending (or building for longer than `staleBefore`: its worker died) → building by this worker; null if another has it. */
  claim(key: string, workerId: string, staleBefore: Date): Promise<FunctionBuildRecord | null>;
  finish(key: string, workerId: string, result: { state: 'ready' | 'failed'; log: string; layer: string | null }): Promise<void>;
  touch(key: string): Promise<void>;
  /** Builds not used since `before` (deleted by the layer sweeper with their layers). */
  unusedSince(before: Date): Promise<FunctionBuildRecord[]>;
  /** Every layer a remaining build names. */
  layersInUse(): Promise<Set<string>>;
  delete(key: string): Promise<void>;
}

function fromRow(row: Selectable<FunctionBuildsTable>): FunctionBuildRecord {
  return {
    key: row.build_key,
    runtime: row.runtime as FunctionRuntime,
    requirements: fromJson<string[]>(row.requirements),
    state: row.state as BuildState,
    log: row.log,
    layer: row.layer,
    workerId: row.worker_id,
    updatedAt: fromMs(row.updated_at),
    lastUsedAt: fromMs(row.last_used_at),
  };
}

export class KyselyFunctionBuildRepository implements FunctionBuildRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async ensure(key: string, runtime: FunctionRuntime, requirements: string[]): Promise<FunctionBuildRecord> {
    const now = Date.now();
    await this.#db
      .insertInto('function_builds')
      .values({ build_key: key, runtime, requirements: toJson(requirements), state: 'pending', log: '', layer: null, worker_id: null, created_at: now, updated_at: now, last_used_at: now })
      .onConflict((oc) => oc.column('build_key').doUpdateSet({ last_used_at: now }))
      .execute();
    return (await this.get(key)) as FunctionBuildRecord;
  }

  async get(key: string): Promise<FunctionBuildRecord | null> {
    const row = await this.#db.selectFrom('function_builds').selectAll().where('build_key', '=', key).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async claim(key: string, workerId: string, staleBefore: Date): Promise<FunctionBuildRecord | null> {
    const now = Date.now();
    const result = await this.#db
      .updateTable('function_builds')
      .set({ state: 'building', worker_id: workerId, log: '', updated_at: now })
      .where('build_key', '=', key)
      .where((eb) => eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'building'), eb('updated_at', '<', staleBefore.getTime())])]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.get(key) : null;
  }

  async finish(key: string, workerId: string, result: { state: 'ready' | 'failed'; log: string; layer: string | null }): Promise<void> {
    const now = Date.now();
    await this.#db
      .updateTable('function_builds')
      .set({ state: result.state, log: result.log, layer: result.layer, updated_at: now, last_used_at: now })
      .where('build_key', '=', key)
      .where('worker_id', '=', workerId)
      .execute();
  }

  async retry(key: string): Promise<void> {
    await this.#db.updateTable('function_builds').set({ state: 'pending', updated_at: Date.now() }).where('build_key', '=', key).where('state', '=', 'failed').execute();
  }

  async touch(key: string): Promise<void> {
    await this.#db.updateTable('function_builds').set({ last_used_at: Date.now() }).where('build_key', '=', key).execute();
  }

  async unusedSince(before: Date): Promise<FunctionBuildRecord[]> {
    const rows = await this.#db.selectFrom('function_builds').selectAll().where('last_used_at', '<', before.getTime()).where('state', '!=', 'building').execute();
    return rows.map(fromRow);
  }

  async layersInUse(): Promise<Set<string>> {
    const rows = await this.#db.selectFrom('function_builds').select('layer').where('layer', 'is not', null).execute();
    return new Set(rows.map((r) => r.layer as string));
  }

  async delete(key: string): Promise<void> {
    await this.#db.deleteFrom('function_builds').where('build_key', '=', key).execute();
  }
}
