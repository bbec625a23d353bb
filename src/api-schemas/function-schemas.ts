import { z } from 'zod';
import { isoDate, JsonObjectSchema, RecordedErrorSchema } from './common-schemas.ts';
import { BUILD_STATES, FUNCTION_RUNTIMES, TASK_STATES } from './enums.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/;
const MAX_TIMEOUT_SECONDS = 86_400;
const MAX_WAIT_SECONDS = 600;

/** A function, workflow or step name: the same rule everywhere. */
export const nameSchema = () => z.string().regex(NAME, 'letters, digits, _ . - (1–100, starting with a letter or digit)');

/** `POST /api/functions` (code and schema checks are the registry's: FUNCTION_SYNTAX_ERROR, …). */
export const RegisterFunctionRequestSchema = z.strictObject({
  name: nameSchema(),
  runtime: z.enum(FUNCTION_RUNTIMES),
  code: z.string().min(1, 'code must not be empty'),
  entrypoint: z.string().regex(IDENTIFIER, 'an identifier such as main').meta({ description: 'function called with the inputs object (default `main`)' }).optional(),
  inputSchema: JsonObjectSchema.meta({ description: 'JSON Schema the inputs must satisfy' }).optional(),
  timeoutSeconds: z.number().int().min(1).max(MAX_TIMEOUT_SECONDS).optional(),
  requirements: z
    .array(z.string().max(200))
    .max(100)
    .meta({ description: 'pip requirement lines (Python) or npm package specs (Node), e.g. `["pint>=0.23"]`; plain specs only (FUNCTION_REQUIREMENTS_INVALID)' })
    .optional(),
});

/** The build of a function's requirements (shared by every function with the same set). */
export const FunctionBuildSchema = z.object({
  state: z.enum(BUILD_STATES),
  log: z.string().meta({ description: "the installer's output (its error when failed)" }),
  layer: z.string().nullable().meta({ description: 'content address of the installed layer' }),
});

/** `POST /api/functions` → 201, `GET /api/functions[/:id]` (the latest version). */
export const FunctionViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  runtime: z.enum(FUNCTION_RUNTIMES),
  entrypoint: z.string(),
  inputSchema: JsonObjectSchema.nullable(),
  timeoutSeconds: z.number(),
  createdAt: isoDate(),
  code: z.string().meta({ description: '`GET /api/functions/:id` only' }).optional(),
  requirements: z.array(z.string()),
  build: FunctionBuildSchema.nullable().meta({ description: 'null without requirements; calls wait until it is ready' }),
});

export const FunctionListSchema = z.object({ functions: z.array(FunctionViewSchema) });

/** `POST /api/functions/:id/execute` (the body may be left out: no inputs, no wait). */
export const ExecuteFunctionRequestSchema = z.strictObject({
  inputs: JsonObjectSchema.optional(),
  wait: z.number().min(0).max(MAX_WAIT_SECONDS).meta({ description: 'seconds to wait for the result; the finished task is answered when it ends in time' }).optional(),
});

/** `POST /api/functions/:id/execute` → 202 (not finished within `wait`). */
export const QueuedTaskSchema = z.object({ taskId: z.string(), state: z.enum(TASK_STATES) });

/** `GET /api/tasks/:id` */
export const TaskViewSchema = z.object({
  id: z.string(),
  functionId: z.string(),
  version: z.number().int(),
  state: z.enum(TASK_STATES),
  inputs: z.unknown(),
  outputs: z.unknown(),
  error: RecordedErrorSchema.meta({ description: 'for an exception, `message` holds the traceback' }),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number().nullable(),
  cached: z.boolean(),
  createdAt: isoDate(),
  finishedAt: isoDate().nullable(),
  workflowRunId: z.string().nullable(),
  stepId: z.string().nullable(),
});

export const TaskListSchema = z.object({ tasks: z.array(TaskViewSchema) });

export const TaskListQuerySchema = z.object({
  functionId: z.string().meta({ description: "only this function's tasks" }).optional(),
  limit: z.string().meta({ description: 'how many, newest first: 1 to 500 (default 50)' }).optional(),
});
