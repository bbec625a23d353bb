import type { Kysely } from 'kysely';
import type { AlertIncident, AlertRepository } from './billing-store.ts';
import { fromJson, fromMs, fromMsOrNull, toJson, toMs } from './codec.ts';
import type { Database } from './schema.ts';

// U+001F (unit separator), not NUL: PostgreSQL's text refuses NUL, which made every incident fail
// to open there. Ids, rule names and subjects never contain U+001F.
const openKey = (orgId: string, rule: string, subject: string): string => `${orgId}\u001f${rule}\u001f${subject}`;

/** Incidents of the alert rules: the unique `open_key` makes "fire once per incident" a database fact. */
export class KyselyAlertRepository implements AlertRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async open(incident: Omit<AlertIncident, 'closedAt'>): Promise<AlertIncident | null> {
    const r = await this.#db
      .insertInto('alert_incidents')
      .values({
        id: incident.id,
        org_id: incident.orgId,
        rule: incident.rule,
        subject: incident.subject,
        open_key: openKey(incident.orgId, incident.rule, incident.subject),
        data: toJson(incident.data),
        opened_at: toMs(incident.openedAt),
        closed_at: null,
      })
      .onConflict((oc) => oc.column('open_key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? { ...incident, closedAt: null } : null;
  }

  async close(orgId: string, rule: string, subject: string, at: Date): Promise<boolean> {
    const r = await this.#db
      .updateTable('alert_incidents')
      .set({ open_key: null, closed_at: toMs(at) })
      // By its columns, not its key: an incident opened under the earlier NUL-separated key (SQLite)
      // closes the same way.
      .where('org_id', '=', orgId)
      .where('rule', '=', rule)
      .where('subject', '=', subject)
      .where('open_key', 'is not', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async listByOrg(orgId: string, limit: number): Promise<AlertIncident[]> {
    const rows = await this.#db.selectFrom('alert_incidents').selectAll().where('org_id', '=', orgId).orderBy('opened_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, orgId: r.org_id, rule: r.rule, subject: r.subject, data: fromJson<Record<string, unknown>>(r.data), openedAt: fromMs(r.opened_at), closedAt: fromMsOrNull(r.closed_at) }));
  }
}
