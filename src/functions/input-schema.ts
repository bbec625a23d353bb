import { z } from 'zod';
import { SpawnError } from '../errors/index.ts';
import { MAX_VALUE_DEPTH, nestsDeeperThan } from './json-depth.ts';

export type InputValidator = (inputs: unknown) => void;

const cache = new Map<string, InputValidator>();
const CACHE_MAX = 500;

/**
 * Compiles a JSON Schema with zod's converter (the library already in use for request bodies), so
 * the common keywords — type, properties, required, items, enum, minimum/maximum, lengths,
 * patterns — are enforced. Throws FUNCTION_SCHEMA_INVALID for what it cannot use.
 *
 * The converter and the validators it builds recurse, so both the schema (a stored row) and the
 * inputs (a step's may be another function's outputs) are measured first, without recursion.
 */
export function compileInputSchema(schema: Record<string, unknown>): InputValidator {
  if (nestsDeeperThan(schema, MAX_VALUE_DEPTH)) {
    throw new SpawnError('FUNCTION_SCHEMA_INVALID', `inputSchema nests deeper than ${MAX_VALUE_DEPTH} levels`);
  }
  const key = JSON.stringify(schema);
  const known = cache.get(key);
  if (known) return known;
  let zodSchema: z.ZodType;
  try {
    zodSchema = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (err) {
    throw new SpawnError('FUNCTION_SCHEMA_INVALID', `inputSchema cannot be used: ${(err as Error).message}`, { cause: err });
  }
  const validate: InputValidator = (inputs) => {
    if (nestsDeeperThan(inputs, MAX_VALUE_DEPTH)) {
      throw new SpawnError('FUNCTION_INPUT_INVALID', `inputs nest deeper than ${MAX_VALUE_DEPTH} levels`, { details: { maxDepth: MAX_VALUE_DEPTH } });
    }
    const parsed = zodSchema.safeParse(inputs);
    if (parsed.success) return;
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'inputs'}: ${i.message}`);
    throw new SpawnError('FUNCTION_INPUT_INVALID', `inputs do not match the input schema: ${problems.join('; ')}`, {
      details: { problems },
    });
  };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, validate);
  return validate;
}

export function validateInputs(schema: Record<string, unknown> | null, inputs: unknown): void {
  if (schema) compileInputSchema(schema)(inputs);
}
