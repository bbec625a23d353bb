import type { SmokeStep } from './smoke-steps.ts';

/**
 * What a verification found about a deployed app, before its URL is handed out. The same shape
 * is stored with the session and returned by the API, so it stays small and serialisable.
 */
export const VERIFY_MODES = ['browser', 'http', 'off'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

export const PROBLEM_KINDS = ['load-failed', 'http-status', 'exception', 'console-error', 'request-failed', 'empty-page', 'smoke-step'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface VerificationProblem {
  kind: ProblemKind;
  message: string;
  /** Where it happened: `app.js:12:5`, `GET /api/books → 404`, `step 2: click #add`. */
  where?: string;
}

export interface VerificationResult {
  status: 'passed' | 'problems' | 'skipped';
  problems: VerificationProblem[];
  checkedAt: string;
  durationMs: number;
  /**
   * A small PNG of the page once checked (browser mode only), taken after the answer so it is not
   * on the path to `running`. Never rejects: null when it could not be taken (aborted, crashed).
   */
  thumbnail?: Promise<Buffer | null>;
}

/**
 * An app's origin as the verifier sees it. `url` is what the page is loaded from; `serve`, when
 * given, answers the page's own-origin requests instead of the network (a worker verifies an app
 * through its artifacts or sandbox without a public URL, and without going through DNS).
 */
export interface VerifyTarget {
  url: string;
  /** `api` apps must answer `GET /` with 2xx; a web app's page must not be empty. */
  kind: 'page' | 'api';
  serve?: (request: { method: string; path: string; headers: Record<string, string>; body: Buffer | null }) => Promise<{ status: number; headers: Record<string, string>; body: Buffer }>;
  /** Steps the model wrote in `spawnai.smoke.json`, already parsed (see parseSmokeSteps). */
  smoke?: readonly SmokeStep[];
}

export interface AppVerifier {
  readonly mode: VerifyMode;
  verify(target: VerifyTarget, signal?: AbortSignal): Promise<VerificationResult>;
  /** A check is coming (an app is being written): get ready for it now, off its path. Never throws. */
  prepare?(): void;
  close(): Promise<void>;
}

/** Problems are evidence for a repair prompt and a label for people: capped so neither floods. */
export const MAX_PROBLEMS = 20;
const MAX_MESSAGE_CHARS = 500;

export function problem(kind: ProblemKind, message: string, where?: string): VerificationProblem {
  const text = message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
  return where ? { kind, message: text, where } : { kind, message: text };
}

export function outcome(problems: VerificationProblem[], startedAt: number, thumbnail?: Promise<Buffer | null>): VerificationResult {
  const kept = problems.slice(0, MAX_PROBLEMS);
  return {
    status: kept.length === 0 ? 'passed' : 'problems',
    problems: kept,
    checkedAt: new Date().toISOString(),
    durationMs: Date.now() - startedAt,
    ...(thumbnail ? { thumbnail } : {}),
  };
}

export function skipped(): VerificationResult {
  return { status: 'skipped', problems: [], checkedAt: new Date().toISOString(), durationMs: 0 };
}
