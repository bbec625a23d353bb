import type { FunctionBuildsTable } from './function-build-repository.ts';
import type { Generated } from 'kysely';
import type { FunctionTables } from './function-schema.ts';
import type { OrgOwnedColumns, TeamTables } from './team-schema.ts';

/**
 * Table shapes as Kysely sees them. Timestamps are epoch milliseconds (`bigint` in PostgreSQL,
 * parsed back to JS numbers) and JSON is stored as text, so both dialects return identical rows.
 */
export interface SessionsTable extends OrgOwnedColumns {
  id: string;
  owner_id: string;
  prompt: string;
  title: string;
  app_type: string;
  app_type_source: string;
  state: string;
  progress: number;
  generator: string;
  model: string | null;
  tier: string;
  ttl_seconds: number;
  created_at: number;
  updated_at: number;
  running_at: number | null;
  expires_at: number;
  destroyed_at: number | null;
  error_code: string | null;
  error_message: string | null;
  estimated_cost: number;
  actual_cost: number | null;
  current_version: number | null;
  worker_id: string | null;
  heartbeat_at: number | null;
  /** 0/1, added by migration 002 */
  cache_hit: number;
  /** 0/1, added by migration 002 */
  cache_bypass: number;
  /** JSON text of a StoredVerification, added by migration 005 */
  verification: string | null;
  /** JSON text of a PromptImageRef, added by migration 006 */
  prompt_image?: string | null;
  /** `public` | `org`, added by migration 007 */
  visibility: Generated<string>;
}

export interface SessionEventsTable {
  session_id: string;
  seq: number;
  type: string;
  at: number;
  /** JSON text */
  data: string;
}

export interface CostEntriesTable {
  id: string;
  session_id: string;
  kind: string;
  amount_usd: number;
  /** JSON text */
  details: string;
  at: number;
}

export interface SandboxesTable {
  id: string;
  session_id: string;
  driver: string;
  state: string;
  /** JSON text or null */
  endpoint: string | null;
  created_at: number;
  destroyed_at: number | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  owner_id: string;
  token_hash: string;
  created_at: number;
}

export interface ArtifactBlobsTable {
  digest: string;
  content: Buffer;
  size: number;
}

export interface ArtifactVersionsTable {
  session_id: string;
  version: number;
  /** JSON text: path → {digest, size} */
  files: string;
  /** JSON text */
  meta: string;
  created_at: number;
}

export interface SessionMessagesTable {
  id: string;
  session_id: string;
  role: string;
  content: string;
  version: number | null;
  restore_version: number | null;
  status: string;
  created_at: number;
}

export interface PromptCacheTable {
  key: string;
  /** JSON text: path → {digest, size} */
  files: string;
  /** JSON text or null */
  command: string | null;
  generator: string;
  model: string | null;
  prompt_id: string;
  created_at: number;
  expires_at: number;
}

export interface SessionPausesTable {
  id: string;
  session_id: string;
  sandbox_id: string;
  paused_at: number;
  resumed_at: number | null;
}

export interface Database extends FunctionTables, TeamTables {
  function_builds: FunctionBuildsTable;
  sessions: SessionsTable;
  session_events: SessionEventsTable;
  cost_entries: CostEntriesTable;
  sandboxes: SandboxesTable;
  api_tokens: ApiTokensTable;
  artifact_blobs: ArtifactBlobsTable;
  artifact_versions: ArtifactVersionsTable;
  session_messages: SessionMessagesTable;
  prompt_cache: PromptCacheTable;
  session_pauses: SessionPausesTable;
}
