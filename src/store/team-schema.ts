/**
 * Tables of users, organisations and what hangs off them (migration 007). Same conventions as
 * schema.ts: epoch-ms timestamps, JSON as text, booleans as 0/1 integers on both dialects.
 */
export interface UsersTable {
  id: string;
  email: string | null;
  name: string;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: number;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  personal: number;
  /** JSON text of OrgLimits or null */
  limits: string | null;
  created_at: number;
  deleted_at: number | null;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: number;
}

export interface OrgApiKeysTable {
  id: string;
  org_id: string;
  creator_id: string;
  name: string;
  /** JSON text: ApiKeyScope[] */
  scopes: string;
  key_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  role: string;
  token_hash: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string | null;
  actor_id: string | null;
  actor_via: string;
  action: string;
  target: string | null;
  result: string;
  at: number;
  ip: string | null;
  user_agent: string | null;
  /** JSON text or null */
  details: string | null;
}

export interface TeamTables {
  users: UsersTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  org_api_keys: OrgApiKeysTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
}

/** Columns migration 007 adds to every org-owned table. */
export interface OrgOwnedColumns {
  org_id: string | null;
  creator_id: string | null;
}
