import { z } from 'zod';
import { ERROR_CODES, SpawnError, type ErrorCode } from '../errors/index.ts';

/** Every error answer: `{"error": {"code", "message"}}`, the code from the registry in src/errors. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'a stable code from the error registry (never reused)' }),
    message: z.string().meta({ description: 'what went wrong and, where it helps, how to fix it' }),
  }),
});

/** Any call under `/api/` (bearer token, Host check, the database behind it). */
export const API_ERRORS = ['AUTH_REQUIRED', 'AUTH_INVALID', 'FORBIDDEN', 'STORE_UNAVAILABLE', 'INTERNAL_ERROR'] as const satisfies readonly ErrorCode[];
/** A call with a JSON body: parsing, size, media type and the shape check. */
export const BODY_ERRORS = ['INVALID_JSON', 'INVALID_REQUEST', 'UNKNOWN_FIELD', 'BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const satisfies readonly ErrorCode[];
/** Public routes (no token): only the Host check and a bug. */
export const PUBLIC_ERRORS = ['FORBIDDEN', 'INTERNAL_ERROR'] as const satisfies readonly ErrorCode[];

/**
 * The error answers of a route, one entry per HTTP status, each describing the codes it carries.
 * Used as (part of) a route's `response` schema, so the OpenAPI document lists them.
 */
export function errorResponses(...codes: readonly ErrorCode[]): Record<number, typeof ApiErrorSchema> {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const { status } = ERROR_CODES[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: Record<number, typeof ApiErrorSchema> = {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
    const description = [...set].map((c) => `\`${c}\`: ${ERROR_CODES[c].message}`).join('; ');
    responses[status] = ApiErrorSchema.meta({ description, examples: [...set].map((code) => ({ error: { code, message: ERROR_CODES[code].message } })) });
  }
  return responses;
}

/**
 * A failed shape check as the API has always answered it: `UNKNOWN_FIELD` naming the fields, else
 * `INVALID_REQUEST` with one `path: problem` per issue (the domain parsers format theirs the same).
 */
export function shapeError(error: z.ZodError): SpawnError {
  const unknown = error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && 'keys' in unknown) return new SpawnError('UNKNOWN_FIELD', `unknown field(s): ${(unknown.keys as string[]).join(', ')}`);
  return new SpawnError('INVALID_REQUEST', error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
}
