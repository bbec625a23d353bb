import { z } from 'zod';
import { FUNCTION_RUNTIMES } from '../api-types.ts';
import { SpawnError } from '../errors/index.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/;
const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const MAX_TIMEOUT_SECONDS = 86_400;
const MAX_WAIT_SECONDS = 600;
const MAX_STEPS = 100;

const jsonObject = z.record(z.string(), z.unknown());

export const registerSchema = z.strictObject({
  name: z.string().regex(NAME, 'letters, digits, _ . - (1–100, starting with a letter or digit)'),
  runtime: z.enum(FUNCTION_RUNTIMES),
  code: z.string().min(1, 'code must not be empty'),
  entrypoint: z.string().regex(IDENTIFIER, 'an identifier such as main').optional(),
  inputSchema: jsonObject.optional(),
  timeoutSeconds: z.number().int().min(1).max(MAX_TIMEOUT_SECONDS).optional(),
});

export const executeSchema = z.strictObject({
  inputs: jsonObject.optional(),
  wait: z.number().min(0).max(MAX_WAIT_SECONDS).optional(),
});

export const workflowSchema = z.strictObject({
  name: z.string().regex(NAME, 'letters, digits, _ . - (1–100, starting with a letter or digit)'),
  steps: z
    .array(
      z.strictObject({
        id: z.string().regex(STEP_ID, 'letters, digits, _ and - (not starting with a digit or -)').refine((id) => id !== 'inputs', '"inputs" is reserved for the workflow inputs'),
        functionId: z.string().min(1),
        inputs: jsonObject.optional(),
      }),
    )
    .min(1)
    .max(MAX_STEPS),
});

export const workflowExecuteSchema = z.strictObject({ inputs: jsonObject.optional() });

export const studySchema = z
  .strictObject({
    functionId: z.string().min(1).optional(),
    workflowId: z.string().min(1).optional(),
    parameters: z.record(z.string(), z.array(z.unknown()).min(1, 'give at least one value')),
    mode: z.enum(['grid', 'list']).optional(),
    inputs: jsonObject.optional(),
  })
  .refine((s) => (s.functionId === undefined) !== (s.workflowId === undefined), 'give exactly one of functionId and workflowId');

/** Parses a request body with one precise, stable error (the same rules as the sessions API). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const unknown = parsed.error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && 'keys' in unknown) throw new SpawnError('UNKNOWN_FIELD', `unknown field(s): ${(unknown.keys as string[]).join(', ')}`);
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new SpawnError('INVALID_REQUEST', detail);
}
