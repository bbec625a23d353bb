import { sql, type Kysely, type Selectable } from 'kysely';
import { fromMs, numberOrNull, toMs } from './codec.ts';
import type { Database, SessionMessagesTable } from './schema.ts';
import type { MessageRecord, MessageRepository } from './store.ts';

function messageFromRow(row: Selectable<SessionMessagesTable>): MessageRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    role: row.role as MessageRecord['role'],
    content: row.content,
    version: numberOrNull(row.version),
    restoreVersion: numberOrNull(row.restore_version),
    status: row.status as MessageRecord['status'],
    createdAt: fromMs(row.created_at),
  };
}

export class KyselyMessageRepository implements MessageRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async addPending(message: Pick<MessageRecord, 'id' | 'sessionId' | 'content' | 'restoreVersion' | 'createdAt'>): Promise<boolean> {
    // The partial unique index (one pending per session) decides; DO NOTHING + row count instead
    // of catching a driver-specific unique-violation error. The predicate is a literal so
    // PostgreSQL can match it to the index.
    const result = await this.#db
      .insertInto('session_messages')
      .values({
        id: message.id,
        session_id: message.sessionId,
        role: 'user',
        content: message.content,
        version: null,
        restore_version: message.restoreVersion,
        status: 'pending',
        created_at: toMs(message.createdAt),
      })
      .onConflict((oc) => oc.column('session_id').where(sql.ref('status'), '=', sql.lit('pending')).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async add(message: MessageRecord): Promise<void> {
    await this.#db
      .insertInto('session_messages')
      .values({
        id: message.id,
        session_id: message.sessionId,
        role: message.role,
        content: message.content,
        version: message.version,
        restore_version: message.restoreVersion,
        status: message.status,
        created_at: toMs(message.createdAt),
      })
      .execute();
  }

  async get(id: string): Promise<MessageRecord | null> {
    const row = await this.#db.selectFrom('session_messages').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? messageFromRow(row) : null;
  }

  async listBySession(sessionId: string): Promise<MessageRecord[]> {
    const rows = await this.#db.selectFrom('session_messages').selectAll().where('session_id', '=', sessionId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
    return rows.map(messageFromRow);
  }

  async finish(id: string, status: 'done' | 'failed'): Promise<boolean> {
    const result = await this.#db.updateTable('session_messages').set({ status }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async failStale(sessionId: string, before: Date): Promise<number> {
    const result = await this.#db
      .updateTable('session_messages')
      .set({ status: 'failed' })
      .where('session_id', '=', sessionId)
      .where('status', '=', 'pending')
      .where('created_at', '<', toMs(before))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
