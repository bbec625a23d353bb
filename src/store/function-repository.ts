import type { Kysely } from 'kysely';
import { toJson } from './codec.ts';
import { versionFromRow } from './function-rows.ts';
import type { FunctionRepository, FunctionVersionRecord, NewFunctionVersion } from './function-store.ts';
import type { Database } from './schema.ts';

const VERSION_COLUMNS = [
  'function_versions.function_id',
  'function_versions.version',
  'function_versions.runtime',
  'function_versions.entrypoint',
  'function_versions.code',
  'function_versions.input_schema',
  'function_versions.timeout_seconds',
  'function_versions.created_at',
  'function_versions.requirements',
  'functions.owner_id',
  'functions.name',
] as const;

export class KyselyFunctionRepository implements FunctionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async register(input: NewFunctionVersion): Promise<FunctionVersionRecord> {
    try {
      return await this.#register(input);
    } catch (err) {
      // Two first registrations of one name raced on the unique (owner, name) index: the loser
      // finds the winner's row on its second try and adds a version to it.
      if (!/unique|duplicate/i.test((err as Error).message)) throw err;
      return this.#register(input);
    }
  }

  #register(input: NewFunctionVersion): Promise<FunctionVersionRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const now = Date.now();
      const live = await trx
        .selectFrom('functions')
        .select('id')
        .where('owner_id', '=', input.ownerId)
        .where('name', '=', input.name)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      const id = live?.id ?? input.newId;
      if (!live) {
        await trx
          .insertInto('functions')
          .values({ id, owner_id: input.ownerId, org_id: input.ownerId, name: input.name, latest_version: 0, created_at: now, updated_at: now, deleted_at: null })
          .execute();
      }
      const bumped = await trx
        .updateTable('functions')
        .set((eb) => ({ latest_version: eb('latest_version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .returning('latest_version')
        .executeTakeFirstOrThrow();
      const version = Number(bumped.latest_version);
      await trx
        .insertInto('function_versions')
        .values({
          function_id: id,
          version,
          runtime: input.runtime,
          entrypoint: input.entrypoint,
          code: input.code,
          input_schema: input.inputSchema === null ? null : toJson(input.inputSchema),
          timeout_seconds: input.timeoutSeconds,
          created_at: now,
          requirements: input.requirements?.length ? toJson(input.requirements) : null,
        })
        .execute();
      const { newId: _newId, ...fields } = input;
      return { ...fields, functionId: id, version, createdAt: new Date(now) };
    });
  }

  async latest(functionId: string): Promise<FunctionVersionRecord | null> {
    const row = await this.#versions()
      .where('functions.id', '=', functionId)
      .where('functions.deleted_at', 'is', null)
      .whereRef('function_versions.version', '=', 'functions.latest_version')
      .executeTakeFirst();
    return row ? versionFromRow(row) : null;
  }

  async getVersion(functionId: string, version: number): Promise<FunctionVersionRecord | null> {
    const row = await this.#versions().where('function_versions.function_id', '=', functionId).where('function_versions.version', '=', version).executeTakeFirst();
    return row ? versionFromRow(row) : null;
  }

  async listByOwner(ownerId: string, limit: number): Promise<FunctionVersionRecord[]> {
    const rows = await this.#versions()
      .where('functions.owner_id', '=', ownerId)
      .where('functions.deleted_at', 'is', null)
      .whereRef('function_versions.version', '=', 'functions.latest_version')
      .orderBy('functions.updated_at', 'desc')
      .orderBy('functions.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(versionFromRow);
  }

  async delete(functionId: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('functions')
      .set({ deleted_at: Date.now() })
      .where('id', '=', functionId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  #versions() {
    return this.#db.selectFrom('function_versions').innerJoin('functions', 'functions.id', 'function_versions.function_id').select(VERSION_COLUMNS);
  }
}
