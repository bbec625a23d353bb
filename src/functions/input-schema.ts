import { z } from 'zod';
import { SpawnError } from '../errors/index.ts';

export type InputValidator = (inputs: unknown) => void;

const cache = new Map<string, InputValidator>();
const CACHE_MAX = 500;

/**
 * Compiles a JSON Schema with zod's converter (the library already in use for request bodies), so
 * the common keywords — type, properties, required, items, enum, minimum/maximum, lengths,
 * patterns — are enforced. Throws FUNCTION_SCHEMA_INVALID for what it cannot use.
 */
export function compileInputSchema(schema: Record<string, unknown>): InputValidator {
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
