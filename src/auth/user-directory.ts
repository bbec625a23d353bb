/** Who the identity provider says signed in (claims of a verified ID token). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string;
  groups: string[];
}

export interface UserProfile {
  id: string;
  email: string | null;
  name: string;
}

export interface OrgMembership {
  id: string;
  name: string;
  role: string;
}

/**
 * The users and organisations the sign-in module needs, and nothing more: implemented over the
 * store's user and organisation repositories (see store-user-directory.ts); tests may pass their own.
 */
export interface UserDirectory {
  /** The user for this provider identity, created with a personal organisation on first sign-in. */
  findOrCreateFromOidc(identity: OidcIdentity): Promise<UserProfile>;
  profile(userId: string): Promise<UserProfile | null>;
  /** The organisations the user belongs to, personal one first. */
  memberships(userId: string): Promise<OrgMembership[]>;
  /** The user's role in the organisation, or null when not a member. */
  roleOf(orgId: string, userId: string): Promise<string | null>;
  /** Makes sure a user known only by id (a token owner, the single-user mode's `local`) has a personal organisation. */
  ensureUser(userId: string): Promise<void>;
}

/** Accepts a pending invitation for a user who just signed in (throws a SpawnError when invalid). */
export interface InvitationAcceptor {
  accept(token: string, userId: string): Promise<{ orgId: string }>;
}
