/**
 * The cache plug-in point: a database implementation (the default, `database/`) and a Redis one
 * (`redis/`, shared by every node) of each cache, chosen in one place (`create-cache.ts`).
 * Entries expire after their TTL. Contracts carry no backend types.
 */

/** A generation as the prompt cache keeps it: enough to deploy the app again without the model. */
export interface CachedGeneration {
  files: { path: string; content: string }[];
  command: string[] | null;
  generator: string;
  model: string | null;
  /** Prompt template it was made with, e.g. `webapp.v1`. */
  promptId: string;
  createdAt: Date;
}

/** LLM generations by prompt key. A backend failure is the caller's to treat as a miss. */
export interface PromptCache {
  readonly kind: 'database' | 'redis';
  get(key: string): Promise<CachedGeneration | null>;
  put(key: string, entry: CachedGeneration, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/** A completed function call's result. */
export interface CachedResult {
  outputs: unknown;
  stdout: string;
  stderr: string;
  durationMs: number | null;
}

/** Results of completed calls by (function version, canonical inputs), for a TTL. Failures are never cached. */
export interface ResultCache {
  readonly kind: 'off' | 'database' | 'redis';
  /** A miss, an expired entry and an unreachable backend all answer undefined. */
  get(key: string): Promise<CachedResult | undefined>;
  put(key: string, result: CachedResult): Promise<void>;
  close(): Promise<void>;
}
