import type { Selectable } from 'kysely';
import type { FunctionRuntime, TaskState, WorkflowRunState } from '../api-types.ts';
import { fromJson, fromMs, fromMsOrNull, numberOrNull, toJson } from './codec.ts';
import type { FunctionVersionsTable, StudiesTable, TasksTable, WorkflowRunsTable, WorkflowsTable } from './function-schema.ts';
import type { FunctionVersionRecord, NewTask, StudyRecord, TaskRecord, WorkflowRecord, WorkflowRunRecord } from './function-store.ts';

/** Row ↔ record conversions of the function tables. */
export function versionFromRow(row: Selectable<FunctionVersionsTable> & { owner_id: string; name: string }): FunctionVersionRecord {
  return {
    functionId: row.function_id,
    ownerId: row.owner_id,
    name: row.name,
    version: Number(row.version),
    runtime: row.runtime as FunctionRuntime,
    entrypoint: row.entrypoint,
    code: row.code,
    inputSchema: row.input_schema === null ? null : fromJson<Record<string, unknown>>(row.input_schema),
    timeoutSeconds: numberOrNull(row.timeout_seconds),
    createdAt: fromMs(row.created_at),
    requirements: row.requirements ? fromJson<string[]>(row.requirements) : [],
  };
}

export function taskFromRow(row: Selectable<TasksTable>): TaskRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    functionId: row.function_id,
    version: Number(row.version),
    state: row.state as TaskState,
    inputs: fromJson<unknown>(row.inputs),
    outputs: row.outputs === null ? null : fromJson<unknown>(row.outputs),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    stdout: row.stdout,
    stderr: row.stderr,
    durationMs: numberOrNull(row.duration_ms),
    cached: Number(row.cached) === 1,
    workflowRunId: row.workflow_run_id,
    stepId: row.step_id,
    studyId: row.study_id,
    studyIndex: numberOrNull(row.study_index),
    workerId: row.worker_id,
    heartbeatAt: fromMsOrNull(row.heartbeat_at),
    attempts: Number(row.attempts),
    createdAt: fromMs(row.created_at),
    startedAt: fromMsOrNull(row.started_at),
    finishedAt: fromMsOrNull(row.finished_at),
  };
}

export function taskToRow(task: NewTask, nowMs: number): TasksTable {
  const state = task.state ?? 'queued';
  const final = state === 'completed' || state === 'failed' || state === 'timeout';
  return {
    id: task.id,
    owner_id: task.ownerId,
    org_id: task.ownerId,
    creator_id: null,
    function_id: task.functionId,
    version: task.version,
    state,
    inputs: toJson(task.inputs ?? {}),
    outputs: task.outputs === undefined || task.outputs === null ? null : toJson(task.outputs),
    error_code: task.errorCode ?? null,
    error_message: task.errorMessage ?? null,
    stdout: task.stdout ?? '',
    stderr: task.stderr ?? '',
    duration_ms: task.durationMs ?? null,
    cached: task.cached ? 1 : 0,
    workflow_run_id: task.workflowRunId ?? null,
    step_id: task.stepId ?? null,
    study_id: task.studyId ?? null,
    study_index: task.studyIndex ?? null,
    worker_id: null,
    heartbeat_at: null,
    attempts: 0,
    created_at: nowMs,
    started_at: null,
    finished_at: final ? nowMs : null,
  };
}

export function workflowFromRow(row: Selectable<WorkflowsTable>): WorkflowRecord {
  return { id: row.id, ownerId: row.owner_id, name: row.name, steps: fromJson(row.steps), createdAt: fromMs(row.created_at) };
}

export function runFromRow(row: Selectable<WorkflowRunsTable>): WorkflowRunRecord {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    ownerId: row.owner_id,
    state: row.state as WorkflowRunState,
    inputs: fromJson(row.inputs),
    studyId: row.study_id,
    studyIndex: numberOrNull(row.study_index),
    errorMessage: row.error_message,
    createdAt: fromMs(row.created_at),
    finishedAt: fromMsOrNull(row.finished_at),
  };
}

export function studyFromRow(row: Selectable<StudiesTable>): StudyRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    targetKind: row.target_kind as StudyRecord['targetKind'],
    targetId: row.target_id,
    mode: row.mode as StudyRecord['mode'],
    parameters: fromJson(row.parameters),
    baseInputs: fromJson(row.base_inputs),
    totalRuns: Number(row.total_runs),
    createdAt: fromMs(row.created_at),
  };
}
