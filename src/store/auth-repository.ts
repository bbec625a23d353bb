import type { Kysely, Selectable } from 'kysely';
import { fromMs } from './codec.ts';
import type { AuthWebSessionsTable } from './auth-schema.ts';
import type { AppCodeGrant, AuthRepository, NewWebSession, WebSessionRecord } from './auth-store.ts';
import type { Database } from './schema.ts';

function sessionFromRow(row: Selectable<AuthWebSessionsTable>, tokenHash: string): WebSessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    currentOrgId: row.current_org_id,
    csrfToken: row.csrf_token,
    idToken: row.id_token,
    createdAt: fromMs(row.created_at),
    seenAt: fromMs(row.seen_at),
    rotatedAt: fromMs(row.rotated_at),
    expiresAt: fromMs(row.expires_at),
    matchedPrevious: row.token_hash !== tokenHash,
  };
}

export class KyselyAuthRepository implements AuthRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async createWebSession(s: NewWebSession): Promise<void> {
    const now = s.now.getTime();
    await this.#db
      .insertInto('auth_web_sessions')
      .values({ id: s.id, token_hash: s.tokenHash, prev_token_hash: null, rotated_at: now, user_id: s.userId, current_org_id: s.currentOrgId, csrf_token: s.csrfToken, id_token: s.idToken, created_at: now, seen_at: now, expires_at: s.expiresAt.getTime(), revoked_at: null })
      .execute();
  }

  async findWebSession(tokenHash: string, graceSince: Date): Promise<WebSessionRecord | null> {
    const row = await this.#db
      .selectFrom('auth_web_sessions')
      .selectAll()
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('token_hash', '=', tokenHash), eb.and([eb('prev_token_hash', '=', tokenHash), eb('rotated_at', '>=', graceSince.getTime())])]))
      .executeTakeFirst();
    return row ? sessionFromRow(row, tokenHash) : null;
  }

  async rotateWebSession(id: string, currentHash: string, newHash: string, now: Date): Promise<boolean> {
    const result = await this.#db
      .updateTable('auth_web_sessions')
      .set({ token_hash: newHash, prev_token_hash: currentHash, rotated_at: now.getTime(), seen_at: now.getTime() })
      .where('id', '=', id)
      .where('token_hash', '=', currentHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touchWebSession(id: string, now: Date): Promise<void> {
    await this.#db.updateTable('auth_web_sessions').set({ seen_at: now.getTime() }).where('id', '=', id).execute();
  }

  async setCurrentOrg(id: string, orgId: string): Promise<void> {
    await this.#db.updateTable('auth_web_sessions').set({ current_org_id: orgId }).where('id', '=', id).execute();
  }

  async revokeWebSession(id: string, now: Date): Promise<boolean> {
    const result = await this.#db.updateTable('auth_web_sessions').set({ revoked_at: now.getTime() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async createAppCode(code: AppCodeGrant & { codeHash: string; expiresAt: Date }): Promise<void> {
    await this.#db
      .insertInto('auth_app_codes')
      .values({ code_hash: code.codeHash, app_id: code.appId, web_session_id: code.webSessionId, user_id: code.userId, expires_at: code.expiresAt.getTime(), used_at: null })
      .execute();
  }

  async consumeAppCode(codeHash: string, appId: string, now: Date): Promise<AppCodeGrant | null> {
    // One guarded UPDATE: of two requests racing with the same code, exactly one wins.
    const result = await this.#db
      .updateTable('auth_app_codes')
      .set({ used_at: now.getTime() })
      .where('code_hash', '=', codeHash)
      .where('app_id', '=', appId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.getTime())
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    const row = await this.#db.selectFrom('auth_app_codes').select(['app_id', 'web_session_id', 'user_id']).where('code_hash', '=', codeHash).executeTakeFirstOrThrow();
    return { appId: row.app_id, webSessionId: row.web_session_id, userId: row.user_id };
  }

  async createAppGrant(g: AppCodeGrant & { tokenHash: string; now: Date; expiresAt: Date }): Promise<void> {
    await this.#db
      .insertInto('auth_app_grants')
      .values({ token_hash: g.tokenHash, app_id: g.appId, web_session_id: g.webSessionId, user_id: g.userId, created_at: g.now.getTime(), expires_at: g.expiresAt.getTime() })
      .execute();
  }

  async findAppGrant(tokenHash: string, appId: string, now: Date): Promise<AppCodeGrant | null> {
    const row = await this.#db
      .selectFrom('auth_app_grants as g')
      .innerJoin('auth_web_sessions as s', 's.id', 'g.web_session_id')
      .select(['g.app_id', 'g.web_session_id', 'g.user_id'])
      .where('g.token_hash', '=', tokenHash)
      .where('g.app_id', '=', appId)
      .where('g.expires_at', '>', now.getTime())
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now.getTime())
      .executeTakeFirst();
    return row ? { appId: row.app_id, webSessionId: row.web_session_id, userId: row.user_id } : null;
  }

  async key(name: string, make: () => string): Promise<string> {
    const existing = await this.#db.selectFrom('auth_keys').select('value').where('name', '=', name).executeTakeFirst();
    if (existing) return existing.value;
    // Two nodes starting together: both insert-or-ignore, both read back the one that won.
    await this.#db.insertInto('auth_keys').values({ name, value: make(), created_at: Date.now() }).onConflict((oc) => oc.column('name').doNothing()).execute();
    const row = await this.#db.selectFrom('auth_keys').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }
}
