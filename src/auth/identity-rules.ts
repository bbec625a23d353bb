import type { OidcConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { OidcIdentity } from './user-directory.ts';

/**
 * The installation's allowed-domains and allowed-groups rules. A domain is trusted only from a
 * verified e-mail address: an unverified one is whatever the user typed at the provider.
 */
export function assertIdentityAllowed(identity: OidcIdentity, rules: Pick<OidcConfig, 'allowedDomains' | 'allowedGroups'>): void {
  if (rules.allowedDomains.length > 0) {
    const domain = identity.email?.split('@').pop()?.toLowerCase();
    if (!identity.emailVerified || !domain || !rules.allowedDomains.includes(domain)) {
      throw new SpawnError('SIGN_IN_NOT_ALLOWED', `sign-in is open to verified e-mail addresses of ${rules.allowedDomains.join(', ')} only`);
    }
  }
  if (rules.allowedGroups.length > 0 && !identity.groups.some((g) => rules.allowedGroups.includes(g))) {
    throw new SpawnError('SIGN_IN_NOT_ALLOWED', `sign-in is open to members of ${rules.allowedGroups.join(', ')} only`);
  }
}

/** Reads the identity out of verified ID token claims. */
export function identityFromClaims(claims: Record<string, unknown>, groupsClaim: string): OidcIdentity {
  const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
  const email = str(claims.email)?.toLowerCase() ?? null;
  const groups = claims[groupsClaim];
  return {
    issuer: String(claims.iss),
    subject: String(claims.sub),
    email,
    emailVerified: claims.email_verified === true,
    name: str(claims.name) ?? str(claims.preferred_username) ?? email ?? String(claims.sub),
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
  };
}
