/** Sign-in state (migration 012): browser sessions, private-app codes and grants, server keys. */
export interface WebSessionRecord {
  id: string;
  userId: string;
  currentOrgId: string | null;
  /** Synchronizer token: cookie-authenticated mutations must echo it in `X-CSRF-Token`. */
  csrfToken: string;
  /** Kept only as the `id_token_hint` of RP-initiated logout. */
  idToken: string | null;
  createdAt: Date;
  seenAt: Date;
  rotatedAt: Date;
  expiresAt: Date;
  /** True when the cookie presented is the one before the last rotation (inside its grace). */
  matchedPrevious: boolean;
}

export interface NewWebSession {
  id: string;
  tokenHash: string;
  userId: string;
  currentOrgId: string | null;
  csrfToken: string;
  idToken: string | null;
  now: Date;
  expiresAt: Date;
}

export interface AppCodeGrant {
  appId: string;
  webSessionId: string;
  userId: string;
}

export interface AuthRepository {
  createWebSession(session: NewWebSession): Promise<void>;
  /** A live (not revoked) session by its token hash, or by the previous one if rotated at or after `graceSince`. */
  findWebSession(tokenHash: string, graceSince: Date): Promise<WebSessionRecord | null>;
  /** Guarded on the current hash: false when another request rotated it first. */
  rotateWebSession(id: string, currentHash: string, newHash: string, now: Date): Promise<boolean>;
  touchWebSession(id: string, now: Date): Promise<void>;
  setCurrentOrg(id: string, orgId: string): Promise<void>;
  /** False when it was already revoked or never existed. */
  revokeWebSession(id: string, now: Date): Promise<boolean>;
  createAppCode(code: AppCodeGrant & { codeHash: string; expiresAt: Date }): Promise<void>;
  /** Marks the code used (once, atomically) and returns what it grants; null if unknown, used, expired or for another app. */
  consumeAppCode(codeHash: string, appId: string, now: Date): Promise<AppCodeGrant | null>;
  createAppGrant(grant: AppCodeGrant & { tokenHash: string; now: Date; expiresAt: Date }): Promise<void>;
  /** A grant for this app whose browser session is still live (not revoked, not past its absolute end). */
  findAppGrant(tokenHash: string, appId: string, now: Date): Promise<AppCodeGrant | null>;
  /** The named key, created by `make` on first use; every node reads the same one. */
  key(name: string, make: () => string): Promise<string>;
}
