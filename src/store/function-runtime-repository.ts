import type { Kysely } from 'kysely';
import type { FunctionRuntimeRepository } from './function-store.ts';
import type { Database } from './schema.ts';

export class KyselyFunctionRuntimeRepository implements FunctionRuntimeRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async upsert(runtime: { id: string; workerId: string; sandboxId: string; ownerId: string; functionId: string; version: number }): Promise<void> {
    const values = {
      id: runtime.id,
      worker_id: runtime.workerId,
      sandbox_id: runtime.sandboxId,
      owner_id: runtime.ownerId,
      function_id: runtime.functionId,
      version: runtime.version,
      heartbeat_at: Date.now(),
    };
    await this.#db
      .insertInto('function_runtimes')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet({ sandbox_id: values.sandbox_id, heartbeat_at: values.heartbeat_at }))
      .execute();
  }

  async touchWorker(workerId: string): Promise<void> {
    await this.#db.updateTable('function_runtimes').set({ heartbeat_at: Date.now() }).where('worker_id', '=', workerId).execute();
  }

  async remove(id: string): Promise<void> {
    await this.#db.deleteFrom('function_runtimes').where('id', '=', id).execute();
  }

  async isLive(id: string, freshAfter: Date): Promise<boolean> {
    const row = await this.#db.selectFrom('function_runtimes').select('id').where('id', '=', id).where('heartbeat_at', '>=', freshAfter.getTime()).executeTakeFirst();
    return row !== undefined;
  }
}
