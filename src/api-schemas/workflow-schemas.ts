import { z } from 'zod';
import { isoDate, JsonObjectSchema, RecordedErrorSchema } from './common-schemas.ts';
import { STUDY_MODES, TASK_STATES, WORKFLOW_RUN_STATES } from './enums.ts';
import { nameSchema } from './function-schemas.ts';

const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const MAX_STEPS = 100;

const stepInputs = JsonObjectSchema.meta({ description: 'values, or `{"$ref": "<step>.outputs.<path>"}` / `{"$ref": "inputs.<path>"}` anywhere inside' });

export const WorkflowStepSpecSchema = z.strictObject({
  id: z
    .string()
    .regex(STEP_ID, 'letters, digits, _ and - (not starting with a digit or -)')
    .refine((id) => id !== 'inputs', '"inputs" is reserved for the workflow inputs'),
  functionId: z.string().min(1),
  inputs: stepInputs.optional(),
});

/** `POST /api/workflows` (the DAG checks are the service's: WORKFLOW_CYCLE, WORKFLOW_UNKNOWN_STEP, …). */
export const CreateWorkflowRequestSchema = z.strictObject({
  name: nameSchema(),
  steps: z.array(WorkflowStepSpecSchema).min(1).max(MAX_STEPS),
});

export const WorkflowViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  steps: z.array(z.object({ id: z.string(), functionId: z.string(), inputs: stepInputs })),
  createdAt: isoDate(),
});

export const WorkflowListSchema = z.object({ workflows: z.array(WorkflowViewSchema) });

/** `POST /api/workflows/:id/execute` (the body may be left out: no inputs). */
export const ExecuteWorkflowRequestSchema = z.strictObject({ inputs: JsonObjectSchema.optional() });

/** One step of a run: `pending` (waiting for its dependencies) and `skipped` (a dependency failed) have no task. */
export const WorkflowStepViewSchema = z.object({
  id: z.string(),
  functionId: z.string(),
  state: z.enum([...TASK_STATES, 'pending', 'skipped']),
  taskId: z.string().nullable(),
  outputs: z.unknown(),
  error: RecordedErrorSchema,
});

/** `POST /api/workflows/:id/execute` → 202, `GET /api/workflow-runs/:id` */
export const WorkflowRunViewSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  state: z.enum(WORKFLOW_RUN_STATES),
  inputs: JsonObjectSchema,
  steps: z.array(WorkflowStepViewSchema),
  error: z.string().nullable(),
  createdAt: isoDate(),
  finishedAt: isoDate().nullable(),
});

/** `POST /api/studies` (exactly one of functionId / workflowId; STUDY_TOO_LARGE is the service's). */
export const CreateStudyRequestSchema = z
  .strictObject({
    functionId: z.string().min(1).optional(),
    workflowId: z.string().min(1).optional(),
    parameters: z
      .record(z.string(), z.array(z.unknown()).min(1, 'give at least one value'))
      .meta({ description: 'values of each input: every combination (`grid`) or the i-th of each (`list`)' }),
    mode: z.enum(STUDY_MODES).optional(),
    inputs: JsonObjectSchema.meta({ description: 'inputs shared by every run' }).optional(),
  })
  .refine((s) => (s.functionId === undefined) !== (s.workflowId === undefined), 'give exactly one of functionId and workflowId');

export const StudyRowSchema = z.object({
  index: z.number().int(),
  inputs: JsonObjectSchema,
  state: z.enum([...TASK_STATES, ...WORKFLOW_RUN_STATES, 'pending']),
  outputs: z.unknown().meta({ description: "a function's outputs, or a workflow's `{step: outputs}`" }),
  error: z.string().nullable(),
  taskId: z.string().nullable(),
  runId: z.string().nullable(),
});

/** `GET /api/studies/:id` (also `GET /api/studies/:id/results.csv`). */
export const StudyViewSchema = z.object({
  id: z.string(),
  functionId: z.string().nullable(),
  workflowId: z.string().nullable(),
  mode: z.enum(STUDY_MODES),
  parameters: z.record(z.string(), z.array(z.unknown())),
  state: z.enum(['running', 'completed']),
  progress: z.object({ total: z.number().int(), done: z.number().int(), completed: z.number().int(), failed: z.number().int() }),
  rows: z.array(StudyRowSchema),
  createdAt: isoDate(),
});
