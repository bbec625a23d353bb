/**
 * Shapes of the public HTTP API (v1), shared by the server, the CLI and the web UI.
 * Extend, never break: fields are only ever added.
 */
export const APP_TYPES = ['webapp', 'api', 'script'] as const;
export type AppType = (typeof APP_TYPES)[number];

export const SESSION_STATES = [
  'requested',
  'provisioning',
  'generating',
  'deploying',
  'running',
  'destroying',
  'destroyed',
  'failed',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** States in which a session holds (or is about to hold) resources and counts as active. */
export const ACTIVE_STATES = ['requested', 'provisioning', 'generating', 'deploying', 'running'] as const satisfies readonly SessionState[];
export const TERMINAL_STATES = ['destroyed', 'failed'] as const satisfies readonly SessionState[];

export interface ApiError {
  error: { code: string; message: string };
}

export interface CreateSessionRequest {
  prompt: string;
  appType?: AppType;
  ttlSeconds?: number;
  /** `false` skips the prompt cache: a fresh (paid) generation even for a prompt seen before. */
  cache?: boolean;
}

/** `POST /api/sessions` → 201 */
export interface CreatedSession {
  id: string;
  state: SessionState;
  appType: AppType;
  generator: string;
  estimatedCost: number;
  estimatedSeconds: number;
  expiresAt: string;
  appUrl: string | null;
  /** True once the app was served from the prompt cache (known after generation; false at creation). */
  cached?: boolean;
}

/** `GET /api/sessions/:id` */
export interface SessionView {
  id: string;
  state: SessionState;
  progress: number;
  prompt: string;
  title: string;
  appType: AppType;
  generator: string;
  model: string | null;
  appUrl: string | null;
  createdAt: string;
  expiresAt: string;
  destroyedAt: string | null;
  estimatedCost: number;
  actualCost: number | null;
  error: { code: string; message: string } | null;
  /** True when the app's files came from the prompt cache: no model call, $0 generation. */
  cached?: boolean;
}

export interface SessionList {
  sessions: SessionView[];
  /** Pass as `?cursor=` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const EVENT_TYPES = ['state', 'progress', 'log', 'file', 'error'] as const;
export type SessionEventType = (typeof EVENT_TYPES)[number];

/** One Server-Sent Event of `GET /api/sessions/:id/events`; `seq` is the SSE id. */
export interface SessionEvent {
  seq: number;
  sessionId: string;
  type: SessionEventType;
  at: string;
  /** `state`: {state, progress, error?}; `progress`: {progress, step}; `log`: {level, message}; `file`: {path, status, bytes} */
  data: Record<string, unknown>;
}

/** `POST /api/sessions/:id/messages` — a follow-up change to a running app. */
export interface PostMessageRequest {
  prompt: string;
}

/** `POST /api/sessions/:id/messages` → 202; the change runs as a job, followed on the event stream. */
export interface PostedMessage {
  messageId: string;
}

/** One turn of `GET /api/sessions/:id/messages`, oldest first; the first is the original prompt. */
export interface MessageView {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  /** Assistant: the version its change produced. */
  version?: number;
  /** User: `pending` until the change is live (`done`) or has `failed`. */
  status?: 'pending' | 'done' | 'failed';
  createdAt: string;
}

export interface MessageList {
  messages: MessageView[];
}

export const VERSION_SOURCES = ['generate', 'edit', 'restore'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

/** `GET /api/sessions/:id/versions` */
export interface VersionList {
  /** The version live at the app's URL (null before the first deploy). */
  current: number | null;
  versions: { version: number; createdAt: string; files: number; source: VersionSource; message?: string }[];
}

/** `GET /api/sessions/:id/files?version=N` (default: the current version). */
export interface VersionFiles {
  version: number;
  files: { path: string; size: number; content: string }[];
}

/** `POST /api/sessions/:id/versions/:n/restore`: 200 with the new version (web apps), or 202 with null while a worker redeploys. */
export interface RestoredVersion {
  messageId: string;
  version: number | null;
}

export interface ExtendRequest {
  ttlSeconds: number;
}

export interface HealthView {
  status: 'ok' | 'degraded';
  checks: { store: boolean; queue: boolean };
  runtime: string;
  isolation: string;
  version: string;
}

/** `GET /api/config`: what the web UI needs to know about this server's limits and generator. */
export interface ConfigView {
  maxPromptChars: number;
  ttl: { defaultSeconds: number; minSeconds: number; maxSeconds: number };
  /** `offline-template` when no model is configured (the UI says how to configure one). */
  generator: 'offline-template' | 'llm';
  models: string[];
  appsDomain: string;
}

/** Session ids are DNS labels: a letter then 25 lowercase base32 characters (≥ 96 random bits). */
export const SESSION_ID_PATTERN = /^[a-z][a-z2-7]{25}$/;

export function isSessionId(value: string): boolean {
  return SESSION_ID_PATTERN.test(value);
}

// ── Functions, tasks, workflows and studies ────────────────────────────────────────────────────

export const FUNCTION_RUNTIMES = ['python', 'node'] as const;
export type FunctionRuntime = (typeof FUNCTION_RUNTIMES)[number];

export const TASK_STATES = ['queued', 'running', 'completed', 'failed', 'timeout'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_FINAL_STATES = ['completed', 'failed', 'timeout'] as const satisfies readonly TaskState[];

export const WORKFLOW_RUN_STATES = ['running', 'completed', 'failed'] as const;
export type WorkflowRunState = (typeof WORKFLOW_RUN_STATES)[number];

/** `POST /api/functions` */
export interface RegisterFunctionRequest {
  name: string;
  runtime: FunctionRuntime;
  code: string;
  /** Function called with the inputs object (default `main`). */
  entrypoint?: string;
  /** JSON Schema the inputs must satisfy. */
  inputSchema?: Record<string, unknown>;
  timeoutSeconds?: number;
}

/** `POST /api/functions` → 201, `GET /api/functions[/:id]` (the latest version). */
export interface FunctionView {
  id: string;
  version: number;
  name: string;
  runtime: FunctionRuntime;
  entrypoint: string;
  inputSchema: Record<string, unknown> | null;
  timeoutSeconds: number;
  createdAt: string;
  /** `GET /api/functions/:id` only. */
  code?: string;
}

export interface FunctionList {
  functions: FunctionView[];
}

/** `POST /api/functions/:id/execute` */
export interface ExecuteFunctionRequest {
  inputs?: Record<string, unknown>;
  /** Seconds to wait for the result; the finished task is answered when it ends in time. */
  wait?: number;
}

/** `POST /api/functions/:id/execute` → 202 (not finished within `wait`). */
export interface QueuedTask {
  taskId: string;
  state: TaskState;
}

/** `GET /api/tasks/:id` */
export interface TaskView {
  id: string;
  functionId: string;
  version: number;
  state: TaskState;
  inputs: unknown;
  outputs: unknown;
  /** For an exception, `message` holds the traceback. */
  error: { code: string; message: string } | null;
  stdout: string;
  stderr: string;
  durationMs: number | null;
  cached: boolean;
  createdAt: string;
  finishedAt: string | null;
  workflowRunId: string | null;
  stepId: string | null;
}

export interface TaskList {
  tasks: TaskView[];
}

export interface WorkflowStepSpec {
  id: string;
  functionId: string;
  /** Values, or `{"$ref": "<step>.outputs.<path>"}` / `{"$ref": "inputs.<path>"}` anywhere inside. */
  inputs?: Record<string, unknown>;
}

/** `POST /api/workflows` */
export interface CreateWorkflowRequest {
  name: string;
  steps: WorkflowStepSpec[];
}

export interface WorkflowView {
  id: string;
  name: string;
  steps: Required<WorkflowStepSpec>[];
  createdAt: string;
}

/** One step of a run: `pending` (waiting for its dependencies) and `skipped` (a dependency failed) have no task. */
export interface WorkflowStepView {
  id: string;
  functionId: string;
  state: TaskState | 'pending' | 'skipped';
  taskId: string | null;
  outputs: unknown;
  error: { code: string; message: string } | null;
}

/** `POST /api/workflows/:id/execute` → 202, `GET /api/workflow-runs/:id` */
export interface WorkflowRunView {
  id: string;
  workflowId: string;
  state: WorkflowRunState;
  inputs: Record<string, unknown>;
  steps: WorkflowStepView[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** `POST /api/studies` (exactly one of functionId / workflowId). */
export interface CreateStudyRequest {
  functionId?: string;
  workflowId?: string;
  /** Values of each input: every combination (`grid`) or the i-th of each (`list`). */
  parameters: Record<string, unknown[]>;
  mode?: 'grid' | 'list';
  /** Inputs shared by every run. */
  inputs?: Record<string, unknown>;
}

export interface StudyRow {
  index: number;
  inputs: Record<string, unknown>;
  state: TaskState | WorkflowRunState | 'pending';
  /** A function's outputs, or a workflow's `{step: outputs}`. */
  outputs: unknown;
  error: string | null;
  taskId: string | null;
  runId: string | null;
}

/** `GET /api/studies/:id` (also `GET /api/studies/:id/results.csv`). */
export interface StudyView {
  id: string;
  functionId: string | null;
  workflowId: string | null;
  mode: 'grid' | 'list';
  parameters: Record<string, unknown[]>;
  state: 'running' | 'completed';
  progress: { total: number; done: number; completed: number; failed: number };
  rows: StudyRow[];
  createdAt: string;
}
