import type { Kysely } from 'kysely';
import { ACTIVE_STATES, type SessionState } from '../api-types.ts';
import { fromMs, toMs } from './codec.ts';
import type { Database } from './schema.ts';
import { patchToRow, sessionFromRow, sessionToRow } from './session-row.ts';
import type { NewSession, SessionPatch, SessionRecord, SessionRepository } from './store.ts';

const DEFAULT_LIST_LIMIT = 100;

export class KyselySessionRepository implements SessionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(session: NewSession): Promise<SessionRecord> {
    const row = await this.#db.insertInto('sessions').values(sessionToRow(session, Date.now())).returningAll().executeTakeFirstOrThrow();
    return sessionFromRow(row);
  }

  async get(id: string): Promise<SessionRecord | null> {
    const row = await this.#db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? sessionFromRow(row) : null;
  }

  async listByOwner(ownerId: string, options: { limit: number; before?: { createdAt: Date; id: string } }): Promise<SessionRecord[]> {
    let query = this.#db.selectFrom('sessions').selectAll().where('owner_id', '=', ownerId);
    const before = options.before;
    if (before) {
      const beforeMs = toMs(before.createdAt);
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', beforeMs), eb.and([eb('created_at', '=', beforeMs), eb('id', '<', before.id)])]),
      );
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map(sessionFromRow);
  }

  async transition(id: string, from: readonly SessionState[], to: SessionState, patch: SessionPatch = {}): Promise<SessionRecord | null> {
    if (from.length === 0) return null;
    // One guarded statement: the WHERE on state is what makes concurrent workers safe.
    const row = await this.#db
      .updateTable('sessions')
      .set({ ...patchToRow(patch), state: to, updated_at: Date.now() })
      .where('id', '=', id)
      .where('state', 'in', [...from])
      .returningAll()
      .executeTakeFirst();
    return row ? sessionFromRow(row) : null;
  }

  async update(id: string, patch: SessionPatch): Promise<SessionRecord | null> {
    const row = await this.#db
      .updateTable('sessions')
      .set({ ...patchToRow(patch), updated_at: Date.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? sessionFromRow(row) : null;
  }

  async listByStates(states: readonly SessionState[], options: { limit?: number; appTypes?: readonly string[] } = {}): Promise<SessionRecord[]> {
    if (states.length === 0 || options.appTypes?.length === 0) return [];
    let query = this.#db.selectFrom('sessions').selectAll().where('state', 'in', [...states]);
    if (options.appTypes) query = query.where('app_type', 'in', [...options.appTypes]);
    const rows = await query
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(options.limit ?? DEFAULT_LIST_LIMIT)
      .execute();
    return rows.map(sessionFromRow);
  }

  async listExpired(now: Date, limit = DEFAULT_LIST_LIMIT): Promise<SessionRecord[]> {
    const rows = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('state', 'in', [...ACTIVE_STATES])
      .where('expires_at', '<=', toMs(now))
      .orderBy('expires_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit)
      .execute();
    return rows.map(sessionFromRow);
  }

  async countByOwnerInStates(ownerId: string, states: readonly SessionState[]): Promise<number> {
    if (states.length === 0) return 0;
    const row = await this.#db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('owner_id', '=', ownerId)
      .where('state', 'in', [...states])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createdSince(ownerId: string, since: Date): Promise<Date[]> {
    const rows = await this.#db
      .selectFrom('sessions')
      .select('created_at')
      .where('owner_id', '=', ownerId)
      .where('created_at', '>=', toMs(since))
      .orderBy('created_at', 'asc')
      .execute();
    return rows.map((r) => fromMs(r.created_at));
  }

  async countByState(): Promise<Partial<Record<SessionState, number>>> {
    const rows = await this.#db
      .selectFrom('sessions')
      .select(['state', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('state')
      .execute();
    const counts: Partial<Record<SessionState, number>> = {};
    for (const r of rows) counts[r.state as SessionState] = Number(r.n);
    return counts;
  }
}
