import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { FunctionView, StudyView, TaskView, WorkflowRunView } from '../../../src/api-types.ts';
import type { Harness } from '../../support/platform-harness.ts';

export type ErrorBody = { error: { code: string; message: string } };

export const PY_ADD = 'def main(inputs):\n    return {"sum": inputs["a"] + inputs["b"]}\n';
export const NODE_MUL = 'module.exports.main = (i) => ({ product: i.a * i.b })\n';

/** Thin helpers over the HTTP API, so each test reads as what a user does. */
export function functionClient(h: Harness, headers: Record<string, string> = {}) {
  const api = <T>(method: string, route: string, body?: unknown) => h.api<T>(method, route, body, headers);
  return {
    api,
    async register(fields: { runtime: 'python' | 'node'; code: string; name?: string; [key: string]: unknown }): Promise<FunctionView> {
      const res = await api<FunctionView>('POST', '/api/functions', { name: `test-${randomUUID()}`, ...fields });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    },
    async run(functionId: string, inputs: Record<string, unknown>, waitSeconds = 60): Promise<TaskView> {
      const res = await api<TaskView>('POST', `/api/functions/${functionId}/execute`, { inputs, wait: waitSeconds });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
    async waitRun(runId: string, timeoutMs = 60_000): Promise<WorkflowRunView> {
      return poll(() => api<WorkflowRunView>('GET', `/api/workflow-runs/${runId}`), (b) => b.state !== 'running', timeoutMs);
    },
    async waitStudy(studyId: string, timeoutMs = 90_000): Promise<StudyView> {
      return poll(() => api<StudyView>('GET', `/api/studies/${studyId}`), (b) => b.state === 'completed', timeoutMs);
    },
  };
}

async function poll<T>(get: () => Promise<{ body: T }>, done: (body: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = (await get()).body;
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not done after ${timeoutMs} ms: ${JSON.stringify(last)}`);
}
