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
