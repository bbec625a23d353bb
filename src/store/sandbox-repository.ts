import type { Kysely, Selectable } from 'kysely';
import { fromJson, fromMs, fromMsOrNull, toJson, toMs } from './codec.ts';
import type { Database, SandboxesTable } from './schema.ts';
import type { SandboxRecord, SandboxRepository } from './store.ts';

function sandboxFromRow(row: Selectable<SandboxesTable>): SandboxRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    driver: row.driver,
    state: row.state as SandboxRecord['state'],
    endpoint: row.endpoint === null ? null : fromJson<Record<string, unknown>>(row.endpoint),
    createdAt: fromMs(row.created_at),
    destroyedAt: fromMsOrNull(row.destroyed_at),
  };
}

export class KyselySandboxRepository implements SandboxRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async upsert(record: Omit<SandboxRecord, 'createdAt' | 'destroyedAt'> & { createdAt?: Date }): Promise<SandboxRecord> {
    const endpoint = record.endpoint === null ? null : toJson(record.endpoint);
    const row = await this.#db
      .insertInto('sandboxes')
      .values({
        id: record.id,
        session_id: record.sessionId,
        driver: record.driver,
        state: record.state,
        endpoint,
        created_at: toMs(record.createdAt ?? new Date()),
        destroyed_at: record.state === 'destroyed' ? Date.now() : null,
      })
      // created_at keeps its first value; a record destroyed once stays destroyed.
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          session_id: eb.ref('excluded.session_id'),
          driver: eb.ref('excluded.driver'),
          state: eb.case().when('sandboxes.state', '=', 'destroyed').then('destroyed').else(eb.ref('excluded.state')).end(),
          endpoint: eb.ref('excluded.endpoint'),
          destroyed_at: eb.fn.coalesce('sandboxes.destroyed_at', 'excluded.destroyed_at'),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return sandboxFromRow(row);
  }

  async get(id: string): Promise<SandboxRecord | null> {
    const row = await this.#db.selectFrom('sandboxes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? sandboxFromRow(row) : null;
  }

  async getLiveBySession(sessionId: string): Promise<SandboxRecord | null> {
    const row = await this.#db
      .selectFrom('sandboxes')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('state', '!=', 'destroyed')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? sandboxFromRow(row) : null;
  }

  async markDestroyed(id: string): Promise<void> {
    // Idempotent: a second call keeps the first destroyed_at.
    await this.#db
      .updateTable('sandboxes')
      .set((eb) => ({ state: 'destroyed', destroyed_at: eb.fn.coalesce('destroyed_at', eb.val(Date.now())) }))
      .where('id', '=', id)
      .execute();
  }

  async listLive(): Promise<SandboxRecord[]> {
    const rows = await this.#db.selectFrom('sandboxes').selectAll().where('state', '!=', 'destroyed').orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
    return rows.map(sandboxFromRow);
  }
}
