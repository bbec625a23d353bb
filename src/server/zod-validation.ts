import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { shapeError } from '../api-schemas/index.ts';

/**
 * Validates params, querystring, headers and bodies with the route's zod schema, failing with the
 * API's own errors (UNKNOWN_FIELD / INVALID_REQUEST, formatted as the domain parsers do), which
 * Fastify hands to the error handler as they are.
 *
 * A request without a body is left to the service: the domain parsers decide what an absent body
 * means (an execute call without one is fine; a create call gets its precise message), as before.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data: unknown) => {
    if (httpPart === 'body' && (data === null || data === undefined)) return { value: undefined };
    const parsed = schema.safeParse(data);
    return parsed.success ? { value: parsed.data } : { error: shapeError(parsed.error) };
  };
};
