import { describe, expect, it } from 'vitest';
import { functionCallResult } from '../../../src/orchestrator/function-call-metrics.ts';

describe('function call result label', () => {
  it.each([
    [{ state: 'completed', cached: false, errorCode: null }, 'ok'],
    [{ state: 'completed', cached: true, errorCode: null }, 'cache_hit'],
    [{ state: 'timeout', cached: false, errorCode: 'FUNCTION_TIMEOUT' }, 'timeout'],
    [{ state: 'failed', cached: false, errorCode: 'FUNCTION_ERROR' }, 'function_error'],
    [{ state: 'failed', cached: false, errorCode: 'FUNCTION_CRASHED' }, 'function_error'],
    [{ state: 'failed', cached: false, errorCode: 'FUNCTION_OUTPUT_TOO_LARGE' }, 'function_error'],
    // The platform or the call's setup, not the function's code: a closed set whatever codes come later.
    [{ state: 'failed', cached: false, errorCode: 'TASK_WORKER_LOST' }, 'error'],
    [{ state: 'failed', cached: false, errorCode: 'FUNCTION_NOT_FOUND' }, 'error'],
    [{ state: 'failed', cached: false, errorCode: 'SOME_FUTURE_CODE' }, 'error'],
  ] as const)('%o → %s', (task, result) => {
    expect(functionCallResult(task)).toBe(result);
  });
});
