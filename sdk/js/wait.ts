import { SpawnApiError, unwrap } from './errors.ts';
import type { SpawnClient, StudyView, TaskView, WorkflowRunView } from './types.ts';

export interface WaitOptions {
  /** Give up after this long (default 5 min): a SpawnApiError with code `WAIT_TIMEOUT`. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const FINAL_TASK_STATES = new Set(['completed', 'failed', 'timeout']);
const MAX_SERVER_WAIT_SECONDS = 600;

/** Reads until `done`, backing off from 50 ms to 1 s between reads. */
async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, options: WaitOptions): Promise<T> {
  const until = Date.now() + (options.timeoutMs ?? 300_000);
  for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() >= until) throw new SpawnApiError(0, 'WAIT_TIMEOUT', `${what} did not finish in time`);
    options.signal?.throwIfAborted();
    await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(0, until - Date.now()))));
  }
}

/** Starts a call; with `waitSeconds` the server holds the answer until the task ends (or the wait does). */
export async function executeFunction(client: SpawnClient, functionId: string, inputs: Record<string, unknown>, waitSeconds?: number): Promise<{ taskId: string; task: TaskView | null }> {
  const body = waitSeconds === undefined ? { inputs } : { inputs, wait: Math.min(waitSeconds, MAX_SERVER_WAIT_SECONDS) };
  const answer = unwrap(await client.POST('/api/functions/{id}/execute', { params: { path: { id: functionId } }, body }));
  return 'id' in answer ? { taskId: answer.id, task: answer } : { taskId: answer.taskId, task: null };
}

export function waitForTask(client: SpawnClient, taskId: string, options: WaitOptions = {}): Promise<TaskView> {
  const read = async () => unwrap(await client.GET('/api/tasks/{id}', { params: { path: { id: taskId } }, signal: options.signal }));
  return poll(read, (t) => FINAL_TASK_STATES.has(t.state), `task ${taskId}`, options);
}

export function waitForStudy(client: SpawnClient, studyId: string, options: WaitOptions = {}): Promise<StudyView> {
  const read = async () => unwrap(await client.GET('/api/studies/{id}', { params: { path: { id: studyId } }, signal: options.signal }));
  return poll(read, (s) => s.state === 'completed', `study ${studyId}`, options);
}

export function waitForRun(client: SpawnClient, runId: string, options: WaitOptions = {}): Promise<WorkflowRunView> {
  const read = async () => unwrap(await client.GET('/api/workflow-runs/{id}', { params: { path: { id: runId } }, signal: options.signal }));
  return poll(read, (r) => r.state !== 'running', `workflow run ${runId}`, options);
}
