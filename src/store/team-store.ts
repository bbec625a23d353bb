import type { ApiKeyScope, PrincipalVia, Role } from '../api-types.ts';

/** Persistence contract of users, organisations, keys, invitations and the audit log. */
export interface UserRecord {
  id: string;
  email: string | null;
  name: string;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  createdAt: Date;
}

export interface UserRepository {
  create(user: Omit<UserRecord, 'createdAt'>): Promise<UserRecord>;
  get(id: string): Promise<UserRecord | null>;
  findByOidc(issuer: string, subject: string): Promise<UserRecord | null>;
  findByEmail(email: string): Promise<UserRecord | null>;
  /** Name and e-mail as the identity provider now says; null when the user does not exist. */
  updateProfile(id: string, patch: { name?: string; email?: string | null }): Promise<UserRecord | null>;
}

/** Limits an admin set for the organisation (each within the server's cap; absent: the cap). */
export interface OrgLimits {
  maxActiveSessions?: number;
  maxNewSessionsPerWindow?: number;
  maxFunctionConcurrency?: number;
}

export interface OrgRecord {
  id: string;
  name: string;
  /** A user's own organisation: its id is the user's id, it cannot be left or deleted. */
  personal: boolean;
  limits: OrgLimits;
  createdAt: Date;
}

export interface MemberRecord {
  orgId: string;
  userId: string;
  role: Role;
  name: string;
  email: string | null;
  createdAt: Date;
}

export interface OrgRepository {
  /** Creates the organisation with `ownerId` as its owner. */
  create(org: { id: string; name: string; personal: boolean; ownerId: string }): Promise<OrgRecord>;
  /** A live (not deleted) organisation. */
  get(id: string): Promise<OrgRecord | null>;
  /** The user (created when missing) and their personal organisation (same id); idempotent. */
  ensurePersonal(userId: string, name: string): Promise<OrgRecord>;
  /** The live organisations the user belongs to, with their role in each. */
  listForUser(userId: string): Promise<{ org: OrgRecord; role: Role }[]>;
  /** The user's role in a live organisation, or null when not a member. */
  roleOf(orgId: string, userId: string): Promise<Role | null>;
  members(orgId: string): Promise<MemberRecord[]>;
  /** Adds the member, or changes their role when already one. */
  putMember(orgId: string, userId: string, role: Role): Promise<void>;
  /** False when the user was not a member. */
  removeMember(orgId: string, userId: string): Promise<boolean>;
  countOwners(orgId: string): Promise<number>;
  update(id: string, patch: { name?: string; limits?: OrgLimits }): Promise<OrgRecord | null>;
  /** Marks it deleted (rows stay, for the audit log and the records it owned); false when gone. */
  markDeleted(id: string): Promise<boolean>;
}

export interface ApiKeyRecord {
  id: string;
  orgId: string;
  creatorId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** sha256 of the key; the key itself is shown once and never stored. */
  keyHash: string;
  /** The key's first characters, to recognise it in a list. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyRepository {
  create(key: Omit<ApiKeyRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiKeyRecord>;
  /** Newest first, revoked ones included. */
  list(orgId: string): Promise<ApiKeyRecord[]>;
  findByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  touch(id: string, at: Date): Promise<void>;
  /** False when the key is not the org's or was already revoked. */
  revoke(orgId: string, id: string, at: Date): Promise<boolean>;
}

export interface InvitationRecord {
  id: string;
  orgId: string;
  role: Role;
  tokenHash: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
}

export interface InvitationRepository {
  create(invitation: Omit<InvitationRecord, 'createdAt' | 'usedAt' | 'usedBy'>): Promise<InvitationRecord>;
  findByHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** Guarded: marks it used when unused and unexpired at `at`; false otherwise (single use). */
  consume(id: string, userId: string, at: Date): Promise<boolean>;
}

export interface AuditEntry {
  id: string;
  orgId: string | null;
  actorId: string | null;
  actorVia: PrincipalVia | 'anonymous';
  action: string;
  target: string | null;
  result: 'ok' | 'denied' | 'failed';
  at: Date;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  since?: Date;
  until?: Date;
  /** Exclusive (at, id) cursor: entries strictly older. */
  before?: { at: Date; id: string };
  limit: number;
}

/** Append-only: there is no update or delete, on purpose. */
export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(orgId: string, query: AuditQuery): Promise<AuditEntry[]>;
}

export const ORG_OWNED_KINDS = ['sessions', 'functions', 'workflows', 'studies', 'tasks'] as const;
export type OrgOwnedKind = (typeof ORG_OWNED_KINDS)[number];

/** Who created an org-owned record (null: unknown, e.g. written by an older node). */
export interface OwnershipRepository {
  setCreator(kind: OrgOwnedKind, id: string, orgId: string, creatorId: string): Promise<void>;
  creatorOf(kind: OrgOwnedKind, id: string): Promise<string | null>;
}
