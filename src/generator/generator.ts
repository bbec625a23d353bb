import type { AppType } from '../api-types.ts';
import type { AppFile } from '../runtime/index.ts';
import type { PromptImage } from './prompt-image.ts';

/** Something that turns a prompt into an app's files: offline templates, or an LLM chain. */
export type GenerationEvent =
  | { type: 'file'; path: string; status: 'started' | 'writing' | 'done'; bytes: number }
  | { type: 'log'; message: string }
  /** 0..1 within the generation step, from real output (bytes/files streamed), never a timer. */
  | { type: 'progress'; fraction: number };

export interface GenerateRequest {
  sessionId: string;
  prompt: string;
  appType: AppType;
  title: string;
  /** One image sent with the request (a sketch, a screenshot to copy): goes to vision models only. */
  image?: PromptImage;
  signal: AbortSignal;
  onEvent?: (event: GenerationEvent) => void;
}

export interface GenerationUsage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** One record per model call (first answer, continuations, repairs, edits); the totals above sum them. */
  calls?: GenerationCall[];
}

export interface GenerationCall {
  /** `provider:model`, e.g. `anthropic:claude-sonnet-4-5`. */
  model: string;
  purpose: 'generate' | 'continue' | 'repair' | 'edit';
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  finishReason: string;
  durationMs: number;
}

export interface GeneratedApp {
  files: AppFile[];
  /**
   * How the sandbox runs it: `api` → a server command listening on $PORT; `script` → a run-once
   * command whose stdout becomes the result page; `webapp` → null (served statically).
   */
  command: string[] | null;
  /** `offline-template` or `llm` — shown to users wherever a template stood in for a model. */
  generator: string;
  model: string | null;
  /** Template id when a template was used. */
  template?: string;
  /** Prose the model wrote around the files (not deployed). */
  message?: string;
  /** With SPAWN_MODEL_ROUTING=auto: the model the request was routed to first, and why. */
  routing?: { model: string; complexity: 'simple' | 'complex'; reason: string };
  usage: GenerationUsage;
}

/** What a follow-up call needs of the original request: the request itself, verbatim, and the conversation since. */
export type GenerationContext = Pick<GenerateRequest, 'sessionId' | 'appType' | 'title' | 'signal' | 'onEvent'> & {
  prompt?: string;
  history?: readonly { role: 'user' | 'assistant'; content: string }[];
};

export interface Generator {
  /** Value of the session's `generator` field when this generator is used. */
  readonly name: string;
  generate(request: GenerateRequest): Promise<GeneratedApp>;
  /**
   * Fixes an app given what went wrong (parser messages, the app's stderr tail). The returned
   * usage includes the input app's. Absent on generators that cannot repair (offline templates).
   */
  repair?(app: GeneratedApp, errors: readonly string[], context: GenerationContext): Promise<GeneratedApp>;
}
