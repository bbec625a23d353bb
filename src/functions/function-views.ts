import type { FunctionView, StudyRow, StudyView, TaskView, WorkflowRunView, WorkflowView } from '../api-types.ts';
import type { FunctionVersionRecord, StudyRecord, TaskRecord, WorkflowRecord, WorkflowRunRecord } from '../store/index.ts';
import type { BuildView } from './requirements/index.ts';
import type { StepStatus } from './workflow-steps.ts';

/** Records → the API's v1 shapes (src/api-types.ts). */
/** A version as the registry answers it: with its requirements' build when it has any. */
export type RegisteredFunction = FunctionVersionRecord & { build?: BuildView | null };

export function toFunctionView(fn: RegisteredFunction, defaultTimeoutSeconds: number, withCode = false): FunctionView {
  return {
    id: fn.functionId,
    version: fn.version,
    name: fn.name,
    runtime: fn.runtime,
    entrypoint: fn.entrypoint,
    inputSchema: fn.inputSchema,
    timeoutSeconds: fn.timeoutSeconds ?? defaultTimeoutSeconds,
    createdAt: fn.createdAt.toISOString(),
    ...(withCode ? { code: fn.code } : {}),
    requirements: fn.requirements ?? [],
    build: fn.build ?? null,
  };
}

export function toTaskView(t: TaskRecord): TaskView {
  return {
    id: t.id,
    functionId: t.functionId,
    version: t.version,
    state: t.state,
    inputs: t.inputs,
    outputs: t.outputs,
    error: t.errorCode ? { code: t.errorCode, message: t.errorMessage ?? '' } : null,
    stdout: t.stdout,
    stderr: t.stderr,
    durationMs: t.durationMs,
    cached: t.cached,
    createdAt: t.createdAt.toISOString(),
    finishedAt: t.finishedAt?.toISOString() ?? null,
    workflowRunId: t.workflowRunId,
    stepId: t.stepId,
  };
}

export function toWorkflowView(w: WorkflowRecord): WorkflowView {
  return { id: w.id, name: w.name, steps: w.steps, createdAt: w.createdAt.toISOString() };
}

export function toRunView(run: WorkflowRunRecord, steps: StepStatus[]): WorkflowRunView {
  return {
    id: run.id,
    workflowId: run.workflowId,
    state: run.state,
    inputs: run.inputs,
    steps: steps.map((s) => ({
      id: s.id,
      functionId: s.functionId,
      state: s.state,
      taskId: s.task?.id ?? null,
      outputs: s.task?.outputs ?? null,
      error: s.skippedBecause
        ? { code: 'WORKFLOW_STEP_SKIPPED', message: s.skippedBecause }
        : s.task?.errorCode
          ? { code: s.task.errorCode, message: s.task.errorMessage ?? '' }
          : null,
    })),
    error: run.errorMessage,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

const ROW_DONE = new Set(['completed', 'failed', 'timeout']);

export function toStudyView(study: StudyRecord, rows: StudyRow[]): StudyView {
  const done = rows.filter((r) => ROW_DONE.has(r.state)).length;
  return {
    id: study.id,
    functionId: study.targetKind === 'function' ? study.targetId : null,
    workflowId: study.targetKind === 'workflow' ? study.targetId : null,
    mode: study.mode,
    parameters: study.parameters,
    state: done === rows.length ? 'completed' : 'running',
    progress: { total: rows.length, done, completed: rows.filter((r) => r.state === 'completed').length, failed: done - rows.filter((r) => r.state === 'completed').length },
    rows,
    createdAt: study.createdAt.toISOString(),
  };
}
