import type { FunctionVersionRecord, TaskRecord } from '../../../src/store/index.ts';
import { at } from './route-app.ts';

export function fnRecord(patch: Partial<FunctionVersionRecord> = {}): FunctionVersionRecord {
  return { functionId: 'fn_1', ownerId: 'alice', name: 'add', version: 1, runtime: 'python', entrypoint: 'main', code: 'def main(i): return i', inputSchema: null, timeoutSeconds: null, createdAt: at, ...patch };
}

export function taskRecord(patch: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: 'task_1', ownerId: 'alice', functionId: 'fn_1', version: 1, state: 'completed', inputs: { a: 1 }, outputs: { sum: 3, nested: { deep: [1, { x: null }] } },
    errorCode: null, errorMessage: null, stdout: 'out', stderr: '', durationMs: 12, cached: false, workflowRunId: null, stepId: null, studyId: null,
    studyIndex: null, workerId: 'w', heartbeatAt: null, attempts: 1, createdAt: at, startedAt: at, finishedAt: at, ...patch,
  };
}

/** Every field of a TaskView, so a schema that drops one fails the test. */
export const TASK_VIEW_KEYS = ['cached', 'createdAt', 'durationMs', 'error', 'finishedAt', 'functionId', 'id', 'inputs', 'outputs', 'state', 'stderr', 'stdout', 'stepId', 'version', 'workflowRunId'].sort();
