import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fromMs, toMs } from './codec.ts';
import type { Database } from './schema.ts';
import type { PauseRepository } from './store.ts';

export class KyselyPauseRepository implements PauseRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async start(sessionId: string, sandboxId: string, at: Date): Promise<boolean> {
    if (await this.openSince(sessionId)) return false;
    await this.#db
      .insertInto('session_pauses')
      .values({ id: randomUUID(), session_id: sessionId, sandbox_id: sandboxId, paused_at: toMs(at), resumed_at: null })
      .execute();
    return true;
  }

  async end(sessionId: string, at: Date): Promise<number | null> {
    const since = await this.openSince(sessionId);
    if (!since) return null;
    // Never before the pause began (clock skew between nodes).
    const resumedMs = Math.max(toMs(at), toMs(since));
    await this.#db.updateTable('session_pauses').set({ resumed_at: resumedMs }).where('session_id', '=', sessionId).where('resumed_at', 'is', null).execute();
    return (resumedMs - toMs(since)) / 1000;
  }

  async openSince(sessionId: string): Promise<Date | null> {
    const row = await this.#db
      .selectFrom('session_pauses')
      .select('paused_at')
      .where('session_id', '=', sessionId)
      .where('resumed_at', 'is', null)
      .orderBy('paused_at', 'desc')
      .executeTakeFirst();
    return row ? fromMs(row.paused_at) : null;
  }

  async totalSeconds(sessionId: string, until: Date): Promise<number> {
    const rows = await this.#db.selectFrom('session_pauses').select(['paused_at', 'resumed_at']).where('session_id', '=', sessionId).execute();
    const untilMs = toMs(until);
    let totalMs = 0;
    for (const row of rows) {
      const from = Number(row.paused_at);
      const to = Math.min(row.resumed_at === null ? untilMs : Number(row.resumed_at), untilMs);
      totalMs += Math.max(0, to - from);
    }
    return totalMs / 1000;
  }
}
