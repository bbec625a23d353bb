import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../api-types.ts';
import { fromMs, fromMsOrNull } from './codec.ts';
import type { Database } from './schema.ts';
import type { InvitationsTable } from './team-schema.ts';
import type { InvitationRecord, InvitationRepository } from './team-store.ts';

function invitationFromRow(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    role: row.role as Role,
    tokenHash: row.token_hash,
    createdBy: row.created_by,
    createdAt: fromMs(row.created_at),
    expiresAt: fromMs(row.expires_at),
    usedAt: fromMsOrNull(row.used_at),
    usedBy: row.used_by,
  };
}

export class KyselyInvitationRepository implements InvitationRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(invitation: Omit<InvitationRecord, 'createdAt' | 'usedAt' | 'usedBy'>): Promise<InvitationRecord> {
    const row = await this.#db
      .insertInto('invitations')
      .values({
        id: invitation.id,
        org_id: invitation.orgId,
        role: invitation.role,
        token_hash: invitation.tokenHash,
        created_by: invitation.createdBy,
        created_at: Date.now(),
        expires_at: invitation.expiresAt.getTime(),
        used_at: null,
        used_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return invitationFromRow(row);
  }

  async findByHash(tokenHash: string): Promise<InvitationRecord | null> {
    const row = await this.#db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? invitationFromRow(row) : null;
  }

  // One guarded UPDATE: of two acceptances at once, exactly one sees a row changed.
  async consume(id: string, userId: string, at: Date): Promise<boolean> {
    const result = await this.#db
      .updateTable('invitations')
      .set({ used_at: at.getTime(), used_by: userId })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at.getTime())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
