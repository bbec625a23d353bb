import type { FunctionRuntime, TaskState, WorkflowRunState } from '../api-types.ts';

/**
 * Persistence contract of functions, tasks, workflows and studies (see store.ts for the rules:
 * no backend types, JS Dates, guarded updates for every state change).
 */
export interface FunctionVersionRecord {
  functionId: string;
  ownerId: string;
  name: string;
  version: number;
  runtime: FunctionRuntime;
  entrypoint: string;
  code: string;
  inputSchema: Record<string, unknown> | null;
  timeoutSeconds: number | null;
  createdAt: Date;
  /** pip lines or npm specs, normalised (migration 008); absent or empty: none. */
  requirements?: string[];
}

export type NewFunctionVersion = Omit<FunctionVersionRecord, 'functionId' | 'version' | 'createdAt'> & {
  /** Used when (owner, name) has no live function yet; otherwise the existing id is kept. */
  newId: string;
};

export interface FunctionRepository {
  /** Adds a version under (owner, name): version 1 of a new function, or latest + 1. */
  register(input: NewFunctionVersion): Promise<FunctionVersionRecord>;
  /** The latest version of a live (not deleted) function. */
  latest(functionId: string): Promise<FunctionVersionRecord | null>;
  /** Any version, even of a deleted function (queued tasks still name it). */
  getVersion(functionId: string, version: number): Promise<FunctionVersionRecord | null>;
  /** Latest versions of the owner's live functions, newest first. */
  listByOwner(ownerId: string, limit: number): Promise<FunctionVersionRecord[]>;
  /** Returns false when it was already gone. */
  delete(functionId: string): Promise<boolean>;
}

export interface TaskRecord {
  id: string;
  ownerId: string;
  functionId: string;
  version: number;
  state: TaskState;
  inputs: unknown;
  outputs: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  stdout: string;
  stderr: string;
  durationMs: number | null;
  cached: boolean;
  workflowRunId: string | null;
  stepId: string | null;
  studyId: string | null;
  studyIndex: number | null;
  workerId: string | null;
  heartbeatAt: Date | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type NewTask = Pick<TaskRecord, 'id' | 'ownerId' | 'functionId' | 'version' | 'inputs'> &
  Partial<Pick<TaskRecord, 'state' | 'outputs' | 'errorCode' | 'errorMessage' | 'stdout' | 'stderr' | 'durationMs' | 'cached' | 'workflowRunId' | 'stepId' | 'studyId' | 'studyIndex'>>;

export type TaskResult = Pick<TaskRecord, 'outputs' | 'errorCode' | 'errorMessage' | 'stdout' | 'stderr' | 'durationMs'>;

export interface TaskRepository {
  create(task: NewTask): Promise<TaskRecord>;
  /** Like create, but null when the run already has a task for this step (concurrent advances). */
  createStep(task: NewTask & { workflowRunId: string; stepId: string }): Promise<TaskRecord | null>;
  get(id: string): Promise<TaskRecord | null>;
  listByOwner(ownerId: string, options: { functionId?: string; limit: number }): Promise<TaskRecord[]>;
  /** How many of the owner's tasks are queued or running (what its function concurrency limit counts). */
  countActiveByOwner(ownerId: string): Promise<number>;
  listByRun(workflowRunId: string): Promise<TaskRecord[]>;
  listByStudy(studyId: string): Promise<TaskRecord[]>;
  /**
   * Takes the task for `workerId`: queued → running, or running with a heartbeat older than
   * `staleBefore` (its worker died) → running again. Null when someone else has it or it is done.
   */
  claim(id: string, workerId: string, staleBefore: Date): Promise<TaskRecord | null>;
  heartbeat(id: string, workerId: string): Promise<void>;
  /** running → `state`, only while `workerId` still holds it. */
  finish(id: string, workerId: string, state: TaskState, result: TaskResult): Promise<TaskRecord | null>;
  /** Guarded transition for the sweeper: from one of `from` (and, if given, this heartbeat) to `to`. */
  transition(id: string, from: readonly TaskState[], to: TaskState, patch?: Partial<TaskResult> & { expectHeartbeatAt?: Date | null }): Promise<TaskRecord | null>;
  /** Running tasks whose heartbeat is older than `before`, and queued ones created before `queuedBefore`. */
  listStuck(before: Date, queuedBefore: Date, limit: number): Promise<TaskRecord[]>;
}

export interface WorkflowStepRecord {
  id: string;
  functionId: string;
  inputs: Record<string, unknown>;
}

export interface WorkflowRecord {
  id: string;
  ownerId: string;
  name: string;
  steps: WorkflowStepRecord[];
  createdAt: Date;
}

export interface WorkflowRunRecord {
  id: string;
  workflowId: string;
  ownerId: string;
  state: WorkflowRunState;
  inputs: Record<string, unknown>;
  studyId: string | null;
  studyIndex: number | null;
  errorMessage: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface WorkflowRepository {
  create(workflow: Omit<WorkflowRecord, 'createdAt'>): Promise<WorkflowRecord>;
  get(id: string): Promise<WorkflowRecord | null>;
  listByOwner(ownerId: string, limit: number): Promise<WorkflowRecord[]>;
  createRun(run: Omit<WorkflowRunRecord, 'createdAt' | 'finishedAt' | 'state' | 'errorMessage'>): Promise<WorkflowRunRecord>;
  getRun(id: string): Promise<WorkflowRunRecord | null>;
  /** running → completed | failed; null when it had already finished. */
  finishRun(id: string, state: 'completed' | 'failed', errorMessage: string | null): Promise<WorkflowRunRecord | null>;
  listRunsByStudy(studyId: string): Promise<WorkflowRunRecord[]>;
  listRunning(createdBefore: Date, limit: number): Promise<WorkflowRunRecord[]>;
}

export interface StudyRecord {
  id: string;
  ownerId: string;
  targetKind: 'function' | 'workflow';
  targetId: string;
  mode: 'grid' | 'list';
  parameters: Record<string, unknown[]>;
  baseInputs: Record<string, unknown>;
  totalRuns: number;
  createdAt: Date;
}

export interface StudyRepository {
  create(study: Omit<StudyRecord, 'createdAt'>): Promise<StudyRecord>;
  get(id: string): Promise<StudyRecord | null>;
}

/** Warm runtimes alive on some worker: the reaper keeps their sandboxes while the heartbeat is fresh. */
export interface FunctionRuntimeRepository {
  upsert(runtime: { id: string; workerId: string; sandboxId: string; ownerId: string; functionId: string; version: number }): Promise<void>;
  /** Refreshes the heartbeat of every runtime of this worker. */
  touchWorker(workerId: string): Promise<void>;
  remove(id: string): Promise<void>;
  isLive(id: string, freshAfter: Date): Promise<boolean>;
}

export interface ResultCacheRepository {
  /** The stored value, or undefined on a miss or once expired. */
  get(key: string, now: Date): Promise<unknown>;
  put(key: string, value: unknown, expiresAt: Date): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}
