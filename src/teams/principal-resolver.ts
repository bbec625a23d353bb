import { SpawnError } from '../errors/index.ts';
import type { Store } from '../store/index.ts';
import { API_KEY_PREFIX, hashSecret } from './credentials.ts';
import { ALL_SCOPES } from './permissions.ts';
import { LOCAL_USER_ID, type Principal } from './principal.ts';

/** A key's last-used time is written at most this often (a busy script would write every call). */
const TOUCH_EVERY_MS = 60_000;

export interface CredentialInput {
  /** The Authorization header, if any. */
  authorization?: string | undefined;
  /** The organisation asked for (X-Spawn-Org); default: the credential's own or personal one. */
  orgId?: string | undefined;
  /** What the cookie authenticator (the sign-in half) found, if one is installed. */
  cookie?: { userId: string; orgId?: string | undefined } | null;
}

export type PrincipalStore = Pick<Store, 'tokens' | 'apiKeys' | 'orgs'>;

/**
 * Turns a request's credential into a Principal: a bearer token (`spawnai token create`, its
 * owner is the user), an organisation API key (`spk_…`), the sign-in cookie, or — in loopback
 * single-user mode only — the local user. No or bad credentials: AUTH_REQUIRED / AUTH_INVALID;
 * an organisation the user is not in: ORG_NOT_FOUND (404, as another org's ids are).
 */
export class PrincipalResolver {
  readonly #store: PrincipalStore;
  readonly #loopback: boolean;
  readonly #personalEnsured = new Set<string>();

  constructor(store: PrincipalStore, options: { loopback: boolean }) {
    this.#store = store;
    this.#loopback = options.loopback;
  }

  async resolve(input: CredentialInput): Promise<Principal> {
    if (input.authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(input.authorization);
      if (!match?.[1]) throw new SpawnError('AUTH_INVALID', 'the Authorization header must be `Bearer <token>`');
      return match[1].startsWith(API_KEY_PREFIX) ? this.#fromApiKey(match[1], input.orgId) : this.#fromToken(match[1], input.orgId);
    }
    if (input.cookie) return this.forUser(input.cookie.userId, input.orgId ?? input.cookie.orgId, 'cookie');
    if (this.#loopback) return this.forUser(LOCAL_USER_ID, input.orgId, 'loopback');
    throw new SpawnError('AUTH_REQUIRED');
  }

  /** The user acting in `orgId` (default: their personal organisation, created on first use). */
  async forUser(userId: string, orgId: string | undefined, via: Principal['via']): Promise<Principal> {
    const target = orgId || userId;
    if (target === userId) await this.#ensurePersonal(userId);
    const role = await this.#store.orgs.roleOf(target, userId);
    if (!role) throw new SpawnError('ORG_NOT_FOUND', `no organisation ${target}`);
    return { userId, orgId: target, role, scopes: ALL_SCOPES, via };
  }

  async #fromToken(token: string, orgId: string | undefined): Promise<Principal> {
    const record = await this.#store.tokens.findByHash(hashSecret(token));
    if (!record) throw new SpawnError('AUTH_INVALID');
    return this.forUser(record.ownerId, orgId, 'token');
  }

  async #fromApiKey(secret: string, orgId: string | undefined): Promise<Principal> {
    const key = await this.#store.apiKeys.findByHash(hashSecret(secret));
    if (!key || key.revokedAt) throw new SpawnError('AUTH_INVALID', key ? 'this API key was revoked' : 'the API key is not valid');
    // A key acts with its creator's current role: removing or demoting the creator disarms it.
    const role = await this.#store.orgs.roleOf(key.orgId, key.creatorId);
    if (!role) throw new SpawnError('AUTH_INVALID', "the API key's creator is no longer a member of its organisation");
    if (orgId && orgId !== key.orgId) throw new SpawnError('ORG_NOT_FOUND', `no organisation ${orgId}`);
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) await this.#store.apiKeys.touch(key.id, now);
    return { userId: key.creatorId, orgId: key.orgId, role, scopes: key.scopes, via: 'apikey', apiKeyId: key.id };
  }

  async #ensurePersonal(userId: string): Promise<void> {
    if (this.#personalEnsured.has(userId)) return;
    await this.#store.orgs.ensurePersonal(userId, userId);
    this.#personalEnsured.add(userId);
  }
}
