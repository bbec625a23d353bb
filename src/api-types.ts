/**
 * Shapes of the public HTTP API (v1), shared by the server, the CLI and the web UI. Derived from
 * the zod schemas the routes validate and serialize with (`src/api-schemas/`), which also generate
 * `GET /api/openapi.json`: one source of truth. Extend, never break: fields are only ever added.
 *
 * Only types and the zod-free enumerations come from there, so the web UI's bundle stays free of zod.
 */
import type { z } from 'zod';
import type * as S from './api-schemas/index.ts';
import type { AppType } from './api-schemas/enums.ts';
export { API_KEY_SCOPES, PRINCIPAL_VIAS, ROLES, VISIBILITIES, type ApiKeyScope, type PrincipalVia, type Role, type Visibility } from './api-schemas/enums.ts';

export {
  ACTIVE_STATES,
  APP_TYPES,
  EVENT_TYPES,
  FUNCTION_RUNTIMES,
  SESSION_ID_PATTERN,
  SESSION_STATES,
  TASK_FINAL_STATES,
  TASK_STATES,
  TERMINAL_STATES,
  VERSION_SOURCES,
  WORKFLOW_RUN_STATES,
  isSessionId,
  type AppType,
  type FunctionRuntime,
  type SessionEventType,
  type SessionState,
  type TaskState,
  type VersionSource,
  type WorkflowRunState,
} from './api-schemas/enums.ts';

export type ApiError = z.infer<typeof S.ApiErrorSchema>;

/**
 * The wire schema accepts any string as `appType` so that an unknown one is answered
 * INVALID_APP_TYPE (its own code) rather than INVALID_REQUEST; clients send one of APP_TYPES.
 */
export type CreateSessionRequest = Omit<z.infer<typeof S.CreateSessionRequestSchema>, 'appType'> & { appType?: AppType | undefined };
/** `POST /api/sessions` → 201 */
export type CreatedSession = z.infer<typeof S.CreatedSessionSchema>;
/** `GET /api/sessions/:id` */
export type SessionView = z.infer<typeof S.SessionViewSchema>;
export type Verification = z.infer<typeof S.VerificationSchema>;
export type SessionList = z.infer<typeof S.SessionListSchema>;
export type ExtendRequest = z.infer<typeof S.ExtendRequestSchema>;
/** One Server-Sent Event of `GET /api/sessions/:id/events`; `seq` is the SSE id. */
export type SessionEvent = z.infer<typeof S.SessionEventSchema>;

/** `POST /api/sessions/:id/messages` — a follow-up change to a running app. */
export type PostMessageRequest = z.infer<typeof S.PostMessageRequestSchema>;
/** `POST /api/sessions/:id/messages` → 202; the change runs as a job, followed on the event stream. */
export type PostedMessage = z.infer<typeof S.PostedMessageSchema>;
/** One turn of `GET /api/sessions/:id/messages`, oldest first; the first is the original prompt. */
export type MessageView = z.infer<typeof S.MessageViewSchema>;
export type MessageList = z.infer<typeof S.MessageListSchema>;
/** `GET /api/sessions/:id/versions` */
export type VersionList = z.infer<typeof S.VersionListSchema>;
/** `GET /api/sessions/:id/files?version=N` (default: the current version). */
export type VersionFiles = z.infer<typeof S.VersionFilesSchema>;
/** `POST /api/sessions/:id/versions/:n/restore`: 200 with the new version (web apps), or 202 with null while a worker redeploys. */
export type RestoredVersion = z.infer<typeof S.RestoredVersionSchema>;

export type HealthView = z.infer<typeof S.HealthViewSchema>;
export type ReadyView = z.infer<typeof S.ReadyViewSchema>;
/** `GET /api/config`: what the web UI needs to know about this server's limits and generator. */
export type ConfigView = z.infer<typeof S.ConfigViewSchema>;
export type MeView = z.infer<typeof S.MeViewSchema>;

// ── Functions, tasks, workflows and studies ────────────────────────────────────────────────────

/** `POST /api/functions` */
export type RegisterFunctionRequest = z.infer<typeof S.RegisterFunctionRequestSchema>;
/** `POST /api/functions` → 201, `GET /api/functions[/:id]` (the latest version). */
export type FunctionView = z.infer<typeof S.FunctionViewSchema>;
export type FunctionList = z.infer<typeof S.FunctionListSchema>;
/** `POST /api/functions/:id/execute` */
export type ExecuteFunctionRequest = z.infer<typeof S.ExecuteFunctionRequestSchema>;
/** `POST /api/functions/:id/execute` → 202 (not finished within `wait`). */
export type QueuedTask = z.infer<typeof S.QueuedTaskSchema>;
/** `GET /api/tasks/:id` */
export type TaskView = z.infer<typeof S.TaskViewSchema>;
export type TaskList = z.infer<typeof S.TaskListSchema>;
/** `POST /api/files` → 201; entries of `GET /api/tasks/:id/files`. */
export type FileView = z.infer<typeof S.FileViewSchema>;
export type FileList = z.infer<typeof S.FileListSchema>;

export type WorkflowStepSpec = z.infer<typeof S.WorkflowStepSpecSchema>;
/** `POST /api/workflows` */
export type CreateWorkflowRequest = z.infer<typeof S.CreateWorkflowRequestSchema>;
export type WorkflowView = z.infer<typeof S.WorkflowViewSchema>;
/** One step of a run: `pending` (waiting for its dependencies) and `skipped` (a dependency failed) have no task. */
export type WorkflowStepView = z.infer<typeof S.WorkflowStepViewSchema>;
/** `POST /api/workflows/:id/execute` → 202, `GET /api/workflow-runs/:id` */
export type WorkflowRunView = z.infer<typeof S.WorkflowRunViewSchema>;
/** `POST /api/studies` (exactly one of functionId / workflowId). */
export type CreateStudyRequest = z.infer<typeof S.CreateStudyRequestSchema>;
export type StudyRow = z.infer<typeof S.StudyRowSchema>;
/** `GET /api/studies/:id` (also `GET /api/studies/:id/results.csv`). */
export type StudyView = z.infer<typeof S.StudyViewSchema>;

/** `GET /api/fleet` */
export type FleetView = z.infer<typeof S.FleetViewSchema>;
// Credits, usage, webhooks and alerts (issue 16).
export type AccountView = z.infer<typeof S.AccountViewSchema>;
export type UsageView = z.infer<typeof S.UsageViewSchema>;
export type LedgerEntryView = z.infer<typeof S.LedgerEntryViewSchema>;
export type WebhookView = z.infer<typeof S.WebhookViewSchema>;
export type CreatedWebhook = z.infer<typeof S.CreatedWebhookSchema>;
export type DeliveryView = z.infer<typeof S.DeliveryViewSchema>;
// Organisations, members, API keys and the audit log (issue 15).
export type OrgView = z.infer<typeof S.OrgViewSchema>;
export type MemberView = z.infer<typeof S.MemberViewSchema>;
export type MemberList = z.infer<typeof S.MemberListSchema>;
export type InvitationCreated = z.infer<typeof S.InvitationCreatedSchema>;
export type ApiKeyView = z.infer<typeof S.ApiKeyViewSchema>;
export type ApiKeyCreated = z.infer<typeof S.ApiKeyCreatedSchema>;
export type ApiKeyList = z.infer<typeof S.ApiKeyListSchema>;
export type AuditEntryView = z.infer<typeof S.AuditEntrySchema>;
export type AuditPage = z.infer<typeof S.AuditPageSchema>;
