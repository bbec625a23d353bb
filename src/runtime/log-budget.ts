import type { LogListener } from './sandbox-driver.ts';

export const LOG_TRUNCATION_MARKER = '[output truncated]';

/** What one server start may send to its log listener (every line becomes a stored session event). */
export interface LogBudget {
  maxLines: number;
  maxBytes: number;
}

export const SERVER_LOG_BUDGET: LogBudget = Object.freeze({
  maxLines: 2_000,
  maxBytes: 1024 * 1024,
});

/**
 * Wraps a log listener so a chatty or hostile app cannot turn its stdout into an unbounded number
 * of database rows: past the budget the listener gets one marker line and then nothing.
 */
export function limitLogListener(listener: LogListener, budget: LogBudget = SERVER_LOG_BUDGET): LogListener {
  let lines = 0;
  let bytes = 0;
  let exhausted = false;
  return (stream, line) => {
    if (exhausted) return;
    lines += 1;
    bytes += Buffer.byteLength(line) + 1;
    if (lines > budget.maxLines || bytes > budget.maxBytes) {
      exhausted = true;
      listener('stderr', `${LOG_TRUNCATION_MARKER} (more than ${budget.maxLines} lines or ${budget.maxBytes} bytes)`);
      return;
    }
    listener(stream, line);
  };
}
