export { OidcClient, type OidcClientOptions, type LoginTransaction, type SignedIn, type DeviceLogin, type DevicePoll } from './oidc-client.ts';
export { WebSessions, type WebSessionOptions, type ResolvedWebSession } from './web-sessions.ts';
export { AppAccess } from './app-access.ts';
export { assertCsrfSafe, isSafeMethod, type CsrfInput } from './csrf.ts';
export { cookieNames, safeLocalPath, type CookieNames } from './cookie-names.ts';
export { assertIdentityAllowed, identityFromClaims } from './identity-rules.ts';
export { randomToken, sha256 } from './secrets.ts';
export type { UserDirectory, InvitationAcceptor, OidcIdentity, UserProfile, OrgMembership } from './user-directory.ts';
export { StoreUserDirectory, StoreInvitationAcceptor } from './store-user-directory.ts';
