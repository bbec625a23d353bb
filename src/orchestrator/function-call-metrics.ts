import type { TaskRecord } from '../store/index.ts';
import type { Metrics } from './metrics.ts';

/** The `result` label of `spawnai_function_calls_total`: a closed set, whatever codes are added later. */
export const FUNCTION_CALL_RESULTS = ['ok', 'cache_hit', 'function_error', 'timeout', 'error'] as const;
export type FunctionCallResult = (typeof FUNCTION_CALL_RESULTS)[number];

/** Failures of the caller's code (its owner fixes them), as opposed to the platform or the call's setup. */
const FUNCTION_FAULTS = new Set(['FUNCTION_ERROR', 'FUNCTION_OUTPUT_INVALID', 'FUNCTION_OUTPUT_TOO_LARGE', 'FUNCTION_CRASHED']);

export function functionCallResult(task: Pick<TaskRecord, 'state' | 'cached' | 'errorCode'>): FunctionCallResult {
  if (task.state === 'completed') return task.cached ? 'cache_hit' : 'ok';
  if (task.state === 'timeout') return 'timeout';
  return task.errorCode && FUNCTION_FAULTS.has(task.errorCode) ? 'function_error' : 'error';
}

/**
 * Counts a task that ended on this node (each ends once: the guarded update that finishes it, the
 * sweeper's give-up, or a cache hit at submission). Only calls that ran have a run time worth
 * observing: a cache hit carries the duration of the call it reuses.
 */
export function recordFunctionCall(metrics: Pick<Metrics, 'functionCalls' | 'functionCallDuration'>, task: TaskRecord): void {
  metrics.functionCalls.inc({ result: functionCallResult(task) });
  if (!task.cached && task.durationMs !== null) metrics.functionCallDuration.observe(task.durationMs / 1000);
}
