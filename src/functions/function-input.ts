import type { z } from 'zod';
import { CreateStudyRequestSchema, CreateWorkflowRequestSchema, ExecuteFunctionRequestSchema, ExecuteWorkflowRequestSchema, RegisterFunctionRequestSchema, shapeError } from '../api-schemas/index.ts';

// The request shapes are the HTTP contract's (api-schemas, which also generate the OpenAPI
// document); the services parse with them too, so a call that does not come through a route
// (the CLI, a test, a future transport) is held to exactly the same rules and messages.
export const registerSchema = RegisterFunctionRequestSchema;
export const executeSchema = ExecuteFunctionRequestSchema;
export const workflowSchema = CreateWorkflowRequestSchema;
export const workflowExecuteSchema = ExecuteWorkflowRequestSchema;
export const studySchema = CreateStudyRequestSchema;

/** Parses a request body with one precise, stable error (UNKNOWN_FIELD or INVALID_REQUEST). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw shapeError(parsed.error);
}
