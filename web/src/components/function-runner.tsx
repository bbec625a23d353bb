import { useId, useState, type FormEvent } from 'react';
import type { FunctionView, TaskView } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { TaskFiles } from './task-files.tsx';

const WAIT_SECONDS = 30;
const POLL_INTERVAL_MS = 1000;
const MAX_POLLS = 600;

async function runToEnd(fn: FunctionView, inputs: Record<string, unknown>): Promise<TaskView> {
  const answer = await api.executeFunction(fn.id, inputs, WAIT_SECONDS);
  if ('id' in answer) return answer;
  // Not finished within the wait: follow the queued task until it ends.
  for (let i = 0; i < MAX_POLLS; i++) {
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
    const task = await api.getTask(answer.taskId);
    if (task.state !== 'queued' && task.state !== 'running') return task;
  }
  return api.getTask(answer.taskId);
}

function parseInputs(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** One function: JSON inputs, a run button, and the task's outputs, error, output streams and timing. */
export function FunctionRunner({ fn }: { fn: FunctionView }) {
  const { t } = useI18n();
  const id = useId();
  const [inputs, setInputs] = useState('{}');
  const [running, setRunning] = useState(false);
  const [task, setTask] = useState<TaskView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseInputs(inputs);
    if (!parsed) return setError(t.functions.badJson);
    setRunning(true);
    setError(null);
    setTask(null);
    try {
      setTask(await runToEnd(fn, parsed));
    } catch (err) {
      setError(describeError(errorOf(err), t));
    } finally {
      setRunning(false);
    }
  };
  const block = 'max-h-60 overflow-auto whitespace-pre-wrap rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800';
  return (
    <form
      onSubmit={(e) => void run(e)}
      data-testid="function"
      data-function-id={fn.id}
      className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="font-semibold">
        {fn.name} <span className="text-sm font-normal text-slate-600 dark:text-slate-300">({t.functions.runtime(fn.runtime, fn.version)})</span>
      </h2>
      <label htmlFor={`${id}-inputs`} className="text-sm font-medium">
        {t.functions.inputs}
      </label>
      <textarea
        id={`${id}-inputs`}
        value={inputs}
        onChange={(e) => setInputs(e.target.value)}
        rows={3}
        className="rounded-lg border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
      />
      <button type="submit" disabled={running} className="btn-primary self-start">
        {running ? t.functions.running : t.functions.run}
      </button>
      <p role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
      {task && (
        <div data-testid="task-result" data-state={task.state} className="flex flex-col gap-1 text-sm">
          <p>
            {t.functions.state(task.state)}
            {task.durationMs !== null && <> · {t.functions.duration(task.durationMs)}</>}
            {task.cached && <> · {t.functions.cached}</>}
          </p>
          {task.outputs !== null && task.outputs !== undefined && (
            <>
              <h3 className="font-medium">{t.functions.outputs}</h3>
              <pre data-testid="task-outputs" className={block}>
                {JSON.stringify(task.outputs, null, 2)}
              </pre>
            </>
          )}
          <TaskFiles taskId={task.id} />
          {task.error && (
            <>
              <h3 className="font-medium">{t.functions.error}</h3>
              <pre data-testid="task-error" className={block}>
                {task.error.message}
              </pre>
            </>
          )}
          {task.stdout && (
            <>
              <h3 className="font-medium">{t.functions.stdout}</h3>
              <pre className={block}>{task.stdout}</pre>
            </>
          )}
          {task.stderr && (
            <>
              <h3 className="font-medium">{t.functions.stderr}</h3>
              <pre className={block}>{task.stderr}</pre>
            </>
          )}
        </div>
      )}
    </form>
  );
}
