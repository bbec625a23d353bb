import type { z } from 'zod';
import { shapeError } from '../api-schemas/index.ts';

/**
 * Parses a request body with one of the HTTP contract's schemas (src/api-schemas, which also
 * generate the OpenAPI document) and its one precise, stable error (UNKNOWN_FIELD or
 * INVALID_REQUEST): a call that does not come through a route (the CLI, a test) is held to the
 * same rules and messages.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw shapeError(parsed.error);
}
