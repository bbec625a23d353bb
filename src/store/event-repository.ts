import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { SessionEventType } from '../api-types.ts';
import { SpawnError } from '../errors/index.ts';
import { fromJson, fromMs, toJson } from './codec.ts';
import type { Database, SessionEventsTable } from './schema.ts';
import type { EventRepository, StoredEvent } from './store.ts';

const MAX_APPEND_ATTEMPTS = 50;
const DEFAULT_LIST_LIMIT = 1000;

function eventFromRow(row: Selectable<SessionEventsTable>): StoredEvent {
  return {
    seq: Number(row.seq),
    sessionId: row.session_id,
    type: row.type as SessionEventType,
    at: fromMs(row.at),
    data: fromJson<Record<string, unknown>>(row.data),
  };
}

export class KyselyEventRepository implements EventRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * `seq` is computed inside the INSERT (MAX + 1) and the (session_id, seq) primary key rejects a
   * duplicate from a concurrent writer in another process; the loser inserts nothing and retries.
   */
  async append(sessionId: string, type: SessionEventType, data: Record<string, unknown>): Promise<StoredEvent> {
    const dataJson = toJson(data);
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      const atMs = Date.now();
      const row = await this.#db
        .insertInto('session_events')
        .columns(['session_id', 'seq', 'type', 'at', 'data'])
        .expression((eb) =>
          eb
            .selectFrom('session_events')
            .select([
              // Casts give PostgreSQL the parameter types an INSERT … SELECT cannot infer.
              sql<string>`cast(${sessionId} as text)`.as('session_id'),
              sql<number>`coalesce(max(seq), 0) + 1`.as('seq'),
              sql<string>`cast(${type} as text)`.as('type'),
              sql<number>`cast(${atMs} as bigint)`.as('at'),
              sql<string>`cast(${dataJson} as text)`.as('data'),
            ])
            .where('session_id', '=', sessionId),
        )
        .onConflict((oc) => oc.columns(['session_id', 'seq']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return eventFromRow(row);
      await sleep(Math.random() * Math.min(attempt, 10));
    }
    throw new SpawnError('INTERNAL_ERROR', `could not append an event to session ${sessionId}: ${MAX_APPEND_ATTEMPTS} concurrent-write conflicts in a row`, {
      details: { sessionId, type },
    });
  }

  async list(sessionId: string, afterSeq = 0, limit = DEFAULT_LIST_LIMIT): Promise<StoredEvent[]> {
    const rows = await this.#db
      .selectFrom('session_events')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
    return rows.map(eventFromRow);
  }
}
