/**
 * The API's enumerations and id rule as plain data, without zod: the web UI imports them through
 * `src/api-types.ts`, and its bundle must not carry a schema library for a few string lists.
 */
export const APP_TYPES = ['webapp', 'api', 'script'] as const;
export type AppType = (typeof APP_TYPES)[number];

export const SESSION_STATES = ['requested', 'provisioning', 'generating', 'deploying', 'running', 'destroying', 'destroyed', 'failed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** States in which a session holds (or is about to hold) resources and counts as active. */
export const ACTIVE_STATES = ['requested', 'provisioning', 'generating', 'deploying', 'running'] as const satisfies readonly SessionState[];
export const TERMINAL_STATES = ['destroyed', 'failed'] as const satisfies readonly SessionState[];

export const EVENT_TYPES = ['state', 'progress', 'log', 'file', 'error'] as const;
export type SessionEventType = (typeof EVENT_TYPES)[number];

export const VERSION_SOURCES = ['generate', 'edit', 'restore'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

export const FUNCTION_RUNTIMES = ['python', 'node'] as const;
export const BUILD_STATES = ['pending', 'building', 'ready', 'failed'] as const;
export type FunctionRuntime = (typeof FUNCTION_RUNTIMES)[number];

export const TASK_STATES = ['queued', 'running', 'completed', 'failed', 'timeout'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_FINAL_STATES = ['completed', 'failed', 'timeout'] as const satisfies readonly TaskState[];

export const WORKFLOW_RUN_STATES = ['running', 'completed', 'failed'] as const;
export type WorkflowRunState = (typeof WORKFLOW_RUN_STATES)[number];

export const STUDY_MODES = ['grid', 'list'] as const;
export const MESSAGE_ROLES = ['user', 'assistant'] as const;
export const MESSAGE_STATUSES = ['pending', 'done', 'failed'] as const;

/** Session ids are DNS labels: a letter then 25 lowercase base32 characters (≥ 96 random bits). */
export const SESSION_ID_PATTERN = /^[a-z][a-z2-7]{25}$/;

export function isSessionId(value: string): boolean {
  return SESSION_ID_PATTERN.test(value);
}

export * from './team-enums.ts';
