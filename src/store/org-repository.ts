import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../api-types.ts';
import { fromJson, fromMs, toJson } from './codec.ts';
import type { Database } from './schema.ts';
import type { OrganisationsTable } from './team-schema.ts';
import type { MemberRecord, OrgLimits, OrgRecord, OrgRepository } from './team-store.ts';

function orgFromRow(row: Selectable<OrganisationsTable>): OrgRecord {
  return { id: row.id, name: row.name, personal: Number(row.personal) === 1, limits: row.limits ? fromJson<OrgLimits>(row.limits) : {}, createdAt: fromMs(row.created_at) };
}

export class KyselyOrgRepository implements OrgRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(org: { id: string; name: string; personal: boolean; ownerId: string }): Promise<OrgRecord> {
    const now = Date.now();
    return this.#db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('organisations')
        .values({ id: org.id, name: org.name, personal: org.personal ? 1 : 0, limits: null, created_at: now, deleted_at: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await tx.insertInto('memberships').values({ org_id: org.id, user_id: org.ownerId, role: 'owner', created_at: now }).execute();
      return orgFromRow(row);
    });
  }

  async get(id: string): Promise<OrgRecord | null> {
    const row = await this.#db.selectFrom('organisations').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? orgFromRow(row) : null;
  }

  // Insert-if-missing on each of the three rows, so two first requests at once both succeed.
  async ensurePersonal(userId: string, name: string): Promise<OrgRecord> {
    const now = Date.now();
    await this.#db.insertInto('users').values({ id: userId, email: null, name, oidc_issuer: null, oidc_subject: null, created_at: now }).onConflict((c) => c.column('id').doNothing()).execute();
    await this.#db.insertInto('organisations').values({ id: userId, name, personal: 1, limits: null, created_at: now, deleted_at: null }).onConflict((c) => c.column('id').doNothing()).execute();
    await this.#db.insertInto('memberships').values({ org_id: userId, user_id: userId, role: 'owner', created_at: now }).onConflict((c) => c.columns(['org_id', 'user_id']).doNothing()).execute();
    const row = await this.#db.selectFrom('organisations').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    return orgFromRow(row);
  }

  async listForUser(userId: string): Promise<{ org: OrgRecord; role: Role }[]> {
    const rows = await this.#db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.org_id')
      .selectAll('o')
      .select('m.role')
      .where('m.user_id', '=', userId)
      .where('o.deleted_at', 'is', null)
      .orderBy('o.personal', 'desc')
      .orderBy('o.created_at')
      .execute();
    return rows.map((row) => ({ org: orgFromRow(row), role: row.role as Role }));
  }

  async roleOf(orgId: string, userId: string): Promise<Role | null> {
    const row = await this.#db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.org_id')
      .select('m.role')
      .where('m.org_id', '=', orgId)
      .where('m.user_id', '=', userId)
      .where('o.deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? (row.role as Role) : null;
  }

  async members(orgId: string): Promise<MemberRecord[]> {
    const rows = await this.#db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.org_id', 'm.user_id', 'm.role', 'm.created_at', 'u.name', 'u.email'])
      .where('m.org_id', '=', orgId)
      .orderBy('m.created_at')
      .orderBy('m.user_id')
      .execute();
    return rows.map((r) => ({ orgId: r.org_id, userId: r.user_id, role: r.role as Role, name: r.name, email: r.email, createdAt: fromMs(r.created_at) }));
  }

  async putMember(orgId: string, userId: string, role: Role): Promise<void> {
    await this.#db
      .insertInto('memberships')
      .values({ org_id: orgId, user_id: userId, role, created_at: Date.now() })
      .onConflict((c) => c.columns(['org_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  }

  async removeMember(orgId: string, userId: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async countOwners(orgId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', orgId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(id: string, patch: { name?: string; limits?: OrgLimits }): Promise<OrgRecord | null> {
    const set = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.limits !== undefined ? { limits: toJson(patch.limits) } : {}) };
    if (Object.keys(set).length > 0) await this.#db.updateTable('organisations').set(set).where('id', '=', id).where('deleted_at', 'is', null).execute();
    return this.get(id);
  }

  async markDeleted(id: string): Promise<boolean> {
    const result = await this.#db.updateTable('organisations').set({ deleted_at: Date.now() }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
