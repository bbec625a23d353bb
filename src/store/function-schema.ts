import type { OrgOwnedColumns } from './team-schema.ts';

/**
 * Tables of functions, tasks, workflows and studies (migration 003). Same conventions as
 * schema.ts: epoch-ms timestamps, JSON as text, booleans as 0/1 integers on both dialects.
 */
export interface FunctionsTable extends OrgOwnedColumns {
  id: string;
  owner_id: string;
  name: string;
  latest_version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface FunctionVersionsTable {
  function_id: string;
  version: number;
  runtime: string;
  entrypoint: string;
  code: string;
  /** JSON text or null */
  input_schema: string | null;
  timeout_seconds: number | null;
  created_at: number;
  /** JSON text: requirement lines (migration 008); null for none */
  requirements?: string | null;
}

export interface TasksTable extends OrgOwnedColumns {
  id: string;
  owner_id: string;
  function_id: string;
  version: number;
  state: string;
  /** JSON text */
  inputs: string;
  /** JSON text or null */
  outputs: string | null;
  error_code: string | null;
  error_message: string | null;
  stdout: string;
  stderr: string;
  duration_ms: number | null;
  cached: number;
  workflow_run_id: string | null;
  step_id: string | null;
  study_id: string | null;
  study_index: number | null;
  worker_id: string | null;
  heartbeat_at: number | null;
  attempts: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface WorkflowsTable extends OrgOwnedColumns {
  id: string;
  owner_id: string;
  name: string;
  /** JSON text: [{id, functionId, inputs}] */
  steps: string;
  created_at: number;
}

export interface WorkflowRunsTable {
  id: string;
  workflow_id: string;
  owner_id: string;
  state: string;
  /** JSON text */
  inputs: string;
  study_id: string | null;
  study_index: number | null;
  error_message: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface StudiesTable extends OrgOwnedColumns {
  id: string;
  owner_id: string;
  target_kind: string;
  target_id: string;
  mode: string;
  /** JSON text: {name: [values]} */
  parameters: string;
  /** JSON text: inputs shared by every run */
  base_inputs: string;
  total_runs: number;
  created_at: number;
}

export interface FunctionRuntimesTable {
  id: string;
  worker_id: string;
  sandbox_id: string;
  owner_id: string;
  function_id: string;
  version: number;
  heartbeat_at: number;
}

export interface FunctionResultCacheTable {
  cache_key: string;
  /** JSON text */
  value: string;
  expires_at: number;
}

export interface FunctionTables {
  functions: FunctionsTable;
  function_versions: FunctionVersionsTable;
  tasks: TasksTable;
  workflows: WorkflowsTable;
  workflow_runs: WorkflowRunsTable;
  studies: StudiesTable;
  function_runtimes: FunctionRuntimesTable;
  function_result_cache: FunctionResultCacheTable;
}
