import type { ApiKeyScope, PrincipalVia, Role } from '../api-types.ts';

/**
 * Who a request acts as, resolved once per request by the server's auth hook. `orgId` is the
 * organisation the request acts in (a personal organisation's id is its user's id); records are
 * scoped by it, so another organisation's ids are simply not found.
 */
export interface Principal {
  userId: string;
  orgId: string;
  /** The user's role in `orgId` (for an API key: its creator's role, capped by its scopes). */
  role: Role;
  /** Every scope for a signed-in user; an API key's own scopes otherwise. */
  scopes: readonly ApiKeyScope[];
  via: PrincipalVia;
  /** Set when `via` is `apikey`. */
  apiKeyId?: string;
}

/** The user of loopback single-user mode (no SPAWN_AUTH, no identity provider): as before, `local`. */
export const LOCAL_USER_ID = 'local';

/** Header a signed-in user sends to act in another of their organisations than the personal one. */
export const ORG_HEADER = 'x-spawn-org';
