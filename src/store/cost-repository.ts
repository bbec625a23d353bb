import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fromJson, fromMs, toJson, toMs } from './codec.ts';
import type { Database } from './schema.ts';
import type { CostEntry, CostKind, CostRepository } from './store.ts';

export class KyselyCostRepository implements CostRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async add(entry: CostEntry): Promise<void> {
    await this.#db
      .insertInto('cost_entries')
      .values({
        id: randomUUID(),
        session_id: entry.sessionId,
        kind: entry.kind,
        amount_usd: entry.amountUsd,
        details: toJson(entry.details),
        at: toMs(entry.at),
      })
      .execute();
  }

  async listBySession(sessionId: string): Promise<CostEntry[]> {
    const rows = await this.#db.selectFrom('cost_entries').selectAll().where('session_id', '=', sessionId).orderBy('at', 'asc').orderBy('id', 'asc').execute();
    return rows.map((r) => ({
      sessionId: r.session_id,
      kind: r.kind as CostKind,
      amountUsd: Number(r.amount_usd),
      details: fromJson<Record<string, unknown>>(r.details),
      at: fromMs(r.at),
    }));
  }

  async totalBySession(sessionId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('cost_entries')
      .select((eb) => eb.fn.sum<number | string | null>('amount_usd').as('total'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }
}
