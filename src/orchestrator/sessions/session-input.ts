import { CreateSessionRequestSchema, ExtendRequestSchema, shapeError } from '../../api-schemas/index.ts';
import { APP_TYPES, type AppType } from '../../api-types.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { parsePromptImage, type PromptImage } from '../../generator/index.ts';

export interface CreateSessionInput {
  prompt: string;
  appType: AppType | undefined;
  ttlSeconds: number;
  /** `false` bypasses the prompt cache (a fresh generation, paid); undefined means use it. */
  cache?: boolean | undefined;
  /** Checked by its bytes (PNG/JPEG/WebP, ≤ 5 MB). */
  image?: PromptImage | undefined;
}

/**
 * Validates a creation request with one precise, stable error per problem (checked in the order a
 * person would fix them). Shared by the HTTP API and the CLI.
 */
export function parseCreateSession(body: unknown, config: SpawnConfig): CreateSessionInput {
  const parsed = CreateSessionRequestSchema.safeParse(body);
  if (!parsed.success) throw shapeError(parsed.error);
  const prompt = parsed.data.prompt.trim();
  if (prompt.length === 0) throw new SpawnError('PROMPT_EMPTY', 'prompt must not be empty');
  if ([...prompt].length > config.maxPromptChars) {
    throw new SpawnError('PROMPT_TOO_LONG', `prompt is ${[...prompt].length} characters; the maximum is ${config.maxPromptChars}`);
  }
  const appType = parsed.data.appType;
  if (appType !== undefined && !(APP_TYPES as readonly string[]).includes(appType)) {
    throw new SpawnError('INVALID_APP_TYPE', `appType "${appType}" is not one of ${APP_TYPES.join(', ')}`);
  }
  const ttlSeconds = parseTtl(parsed.data.ttlSeconds ?? config.ttl.defaultSeconds, config);
  const image = parsed.data.image ? parsePromptImage(parsed.data.image) : undefined;
  return { prompt, appType: appType as AppType | undefined, ttlSeconds, cache: parsed.data.cache, image };
}

export function parseExtend(body: unknown, config: SpawnConfig): number {
  const parsed = ExtendRequestSchema.safeParse(body);
  if (!parsed.success) throw shapeError(parsed.error);
  return parseTtl(parsed.data.ttlSeconds, config);
}

function parseTtl(ttl: number, config: SpawnConfig): number {
  const { minSeconds, maxSeconds } = config.ttl;
  if (!Number.isInteger(ttl) || ttl < minSeconds || ttl > maxSeconds) {
    throw new SpawnError('TTL_OUT_OF_RANGE', `ttlSeconds must be a whole number from ${minSeconds} to ${maxSeconds}`, { details: { minSeconds, maxSeconds } });
  }
  return ttl;
}
