/** Tables of migration 012 (sign-in state); timestamps are epoch ms like everywhere else. */
export interface AuthWebSessionsTable {
  id: string;
  token_hash: string;
  prev_token_hash: string | null;
  rotated_at: number;
  user_id: string;
  current_org_id: string | null;
  csrf_token: string;
  id_token: string | null;
  created_at: number;
  seen_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface AuthAppCodesTable {
  code_hash: string;
  app_id: string;
  web_session_id: string;
  user_id: string;
  expires_at: number;
  used_at: number | null;
}

export interface AuthAppGrantsTable {
  token_hash: string;
  app_id: string;
  web_session_id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface AuthKeysTable {
  name: string;
  value: string;
  created_at: number;
}

export interface AuthTables {
  auth_web_sessions: AuthWebSessionsTable;
  auth_app_codes: AuthAppCodesTable;
  auth_app_grants: AuthAppGrantsTable;
  auth_keys: AuthKeysTable;
}
