import { randomUUID } from 'node:crypto';
import type { AuthRepository, WebSessionRecord } from '../store/index.ts';
import { randomToken, sha256 } from './secrets.ts';

export interface WebSessionOptions {
  /** Signed out after this long without a request. */
  idleSeconds: number;
  /** Signed out this long after sign-in, whatever the activity. */
  maxSeconds: number;
  /** The cookie's value is replaced this often (a stolen old value stops working). */
  rotateAfterSeconds?: number;
  /** How long the value before a rotation still works: requests already in flight carry it. */
  rotationGraceSeconds?: number;
}

export interface ResolvedWebSession {
  session: WebSessionRecord;
  /** Set when the value was rotated: the caller sends it back as the new cookie. */
  newToken?: string;
}

const ROTATE_AFTER_SECONDS = 15 * 60;
const ROTATION_GRACE_SECONDS = 60;
/** `seen_at` is written at most this often per session: one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Browser sessions kept in the database (so a sign-out or a revocation holds on every node); the
 * cookie carries a random token whose SHA-256 is the lookup key.
 */
export class WebSessions {
  readonly #repo: AuthRepository;
  readonly #options: Required<WebSessionOptions>;

  constructor(repo: AuthRepository, options: WebSessionOptions) {
    this.#repo = repo;
    this.#options = { rotateAfterSeconds: ROTATE_AFTER_SECONDS, rotationGraceSeconds: ROTATION_GRACE_SECONDS, ...options };
  }

  async create(userId: string, currentOrgId: string | null, idToken: string | null, now = new Date()): Promise<{ token: string; session: WebSessionRecord }> {
    const token = randomToken();
    const id = randomUUID();
    const csrfToken = randomToken();
    const expiresAt = new Date(now.getTime() + this.#options.maxSeconds * 1000);
    await this.#repo.createWebSession({ id, tokenHash: sha256(token), userId, currentOrgId, csrfToken, idToken, now, expiresAt });
    return { token, session: { id, userId, currentOrgId, csrfToken, idToken, createdAt: now, seenAt: now, rotatedAt: now, expiresAt, matchedPrevious: false } };
  }

  /** The live session for a cookie value, rotated when due; null when unknown, revoked, idle or too old. */
  async resolve(token: string, now = new Date()): Promise<ResolvedWebSession | null> {
    const hash = sha256(token);
    const session = await this.#repo.findWebSession(hash, new Date(now.getTime() - this.#options.rotationGraceSeconds * 1000));
    if (!session) return null;
    if (session.expiresAt <= now || session.seenAt.getTime() + this.#options.idleSeconds * 1000 <= now.getTime()) return null;
    if (!session.matchedPrevious && now.getTime() - session.rotatedAt.getTime() >= this.#options.rotateAfterSeconds * 1000) {
      const newToken = randomToken();
      // Lost race: another request rotated it first; this one keeps working on the grace.
      if (await this.#repo.rotateWebSession(session.id, hash, sha256(newToken), now)) return { session: { ...session, rotatedAt: now, seenAt: now }, newToken };
    }
    if (now.getTime() - session.seenAt.getTime() >= TOUCH_EVERY_MS) await this.#repo.touchWebSession(session.id, now);
    return { session };
  }

  revoke(id: string, now = new Date()): Promise<boolean> {
    return this.#repo.revokeWebSession(id, now);
  }

  setCurrentOrg(id: string, orgId: string): Promise<void> {
    return this.#repo.setCurrentOrg(id, orgId);
  }
}
