import type { AppCodeGrant, AuthRepository } from '../store/index.ts';
import { randomToken, sha256 } from './secrets.ts';

/** A code lives long enough for one redirect, not for a copy-paste into another browser. */
const CODE_TTL_MS = 60_000;
/** An app's own cookie lasts at most this long; it also ends with the browser session it came from. */
const GRANT_TTL_MS = 8 * 3600_000;

/**
 * App-scoped credentials of private apps. The control plane, which sees the user's cookie, issues a
 * single-use code bound to one app; that app's host exchanges it for its own cookie. Nothing issued
 * for one app is accepted by another: codes and grants are looked up by (hash, app id).
 */
export class AppAccess {
  readonly #repo: AuthRepository;

  constructor(repo: AuthRepository) {
    this.#repo = repo;
  }

  async issueCode(appId: string, session: { id: string; userId: string }, now = new Date()): Promise<string> {
    const code = randomToken();
    await this.#repo.createAppCode({ codeHash: sha256(code), appId, webSessionId: session.id, userId: session.userId, expiresAt: new Date(now.getTime() + CODE_TTL_MS) });
    return code;
  }

  /** The app cookie's value for a valid code (used up by this call), or null. */
  async exchange(appId: string, code: string, now = new Date()): Promise<{ token: string; grant: AppCodeGrant; maxAgeSeconds: number } | null> {
    const grant = await this.#repo.consumeAppCode(sha256(code), appId, now);
    if (!grant) return null;
    const token = randomToken();
    await this.#repo.createAppGrant({ ...grant, tokenHash: sha256(token), now, expiresAt: new Date(now.getTime() + GRANT_TTL_MS) });
    return { token, grant, maxAgeSeconds: GRANT_TTL_MS / 1000 };
  }

  check(appId: string, token: string, now = new Date()): Promise<AppCodeGrant | null> {
    return this.#repo.findAppGrant(sha256(token), appId, now);
  }
}
