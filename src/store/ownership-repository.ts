import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { OrgOwnedKind, OwnershipRepository } from './team-store.ts';

/** org_id/creator_id of the org-owned tables (migration 007), written once after a record is made. */
export class KyselyOwnershipRepository implements OwnershipRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async setCreator(kind: OrgOwnedKind, id: string, orgId: string, creatorId: string): Promise<void> {
    await this.#db.updateTable(kind).set({ org_id: orgId, creator_id: creatorId }).where('id', '=', id).execute();
  }

  async creatorOf(kind: OrgOwnedKind, id: string): Promise<string | null> {
    const row = await this.#db.selectFrom(kind).select('creator_id').where('id', '=', id).executeTakeFirst();
    return row?.creator_id ?? null;
  }
}
