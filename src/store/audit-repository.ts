import type { Kysely, Selectable } from 'kysely';
import { fromJson, fromMs, toJson } from './codec.ts';
import type { Database } from './schema.ts';
import type { AuditLogTable } from './team-schema.ts';
import type { AuditEntry, AuditQuery, AuditRepository } from './team-store.ts';

function entryFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    orgId: row.org_id,
    actorId: row.actor_id,
    actorVia: row.actor_via as AuditEntry['actorVia'],
    action: row.action,
    target: row.target,
    result: row.result as AuditEntry['result'],
    at: fromMs(row.at),
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details ? fromJson<Record<string, unknown>>(row.details) : null,
  };
}

/** Append-only by construction: this class has no update or delete. */
export class KyselyAuditRepository implements AuditRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async append(e: AuditEntry): Promise<void> {
    await this.#db
      .insertInto('audit_log')
      .values({
        id: e.id,
        org_id: e.orgId,
        actor_id: e.actorId,
        actor_via: e.actorVia,
        action: e.action,
        target: e.target,
        result: e.result,
        at: e.at.getTime(),
        ip: e.ip,
        user_agent: e.userAgent,
        details: e.details ? toJson(e.details) : null,
      })
      .execute();
  }

  async list(orgId: string, q: AuditQuery): Promise<AuditEntry[]> {
    let query = this.#db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
    if (q.actor) query = query.where('actor_id', '=', q.actor);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.since) query = query.where('at', '>=', q.since.getTime());
    if (q.until) query = query.where('at', '<', q.until.getTime());
    const before = q.before;
    if (before) {
      const at = before.at.getTime();
      query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', before.id)])]));
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    return rows.map(entryFromRow);
  }
}
