import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyView, TaskView, WorkflowRunView, WorkflowView } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { functionClient, NODE_MUL, PY_ADD, type ErrorBody } from './function-client.ts';

const ref = (path: string) => ({ $ref: path });

/** Workflows, studies and the result cache over HTTP on one sandbox runtime. */
export function defineWorkflowSuite(runtime: 'process' | 'docker', skipReason?: string): void {
  // Skipped only with a reason from the caller (engine or bubblewrap missing); requireService() fails the run in CI instead.
  describe.skipIf(skipReason !== undefined)(`workflows, studies and the result cache on the ${runtime} runtime`, () => {
    let h: Harness;
    let fc: ReturnType<typeof functionClient>;
    let add: string;
    let mul: string;
    beforeAll(async () => {
      h = await startHarness({ SPAWN_RUNTIME: runtime, SPAWN_STUDY_MAX_RUNS: '50' });
      fc = functionClient(h);
      add = (await fc.register({ runtime: 'python', code: PY_ADD })).id;
      mul = (await fc.register({ runtime: 'node', code: NODE_MUL })).id;
    });
    afterAll(async () => {
      await h?.close();
    });

    async function createWorkflow(steps: unknown[]): Promise<WorkflowView> {
      const res = await fc.api<WorkflowView>('POST', '/api/workflows', { name: 'wf', steps });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    }

    async function execute(workflowId: string, inputs: Record<string, unknown> = {}): Promise<WorkflowRunView> {
      const res = await fc.api<WorkflowRunView>('POST', `/api/workflows/${workflowId}/execute`, { inputs });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return fc.waitRun(res.body.id);
    }

    it('runs a diamond: both branches after their shared step, the join after both, workflow inputs by $ref', async () => {
      const wf = await createWorkflow([
        { id: 'a', functionId: add, inputs: { a: ref('inputs.x'), b: 2 } },
        { id: 'b', functionId: mul, inputs: { a: ref('a.outputs.sum'), b: 10 } },
        { id: 'c', functionId: add, inputs: { a: ref('a.outputs.sum'), b: 100 } },
        { id: 'd', functionId: add, inputs: { a: ref('b.outputs.product'), b: ref('c.outputs.sum') } },
      ]);
      const run = await execute(wf.id, { x: 1 });
      expect(run.state).toBe('completed');
      expect(run.steps.map((s) => [s.id, s.state, s.outputs])).toEqual([
        ['a', 'completed', { sum: 3 }],
        ['b', 'completed', { product: 30 }],
        ['c', 'completed', { sum: 103 }],
        ['d', 'completed', { sum: 133 }],
      ]);
      const d = await fc.api<TaskView>('GET', `/api/tasks/${run.steps[3]!.taskId}`);
      expect(d.body).toMatchObject({ inputs: { a: 30, b: 103 }, workflowRunId: run.id, stepId: 'd' });
    });

    it('a failing step fails its dependants with a reason while an independent branch completes', async () => {
      const boom = (await fc.register({ runtime: 'python', code: 'def main(inputs):\n    raise ValueError("bad input")\n' })).id;
      const wf = await createWorkflow([
        { id: 'a', functionId: add, inputs: { a: 1, b: 1 } },
        { id: 'broken', functionId: boom, inputs: { v: ref('a.outputs.sum') } },
        { id: 'after', functionId: add, inputs: { a: ref('broken.outputs.x'), b: 1 } },
        { id: 'last', functionId: add, inputs: { a: ref('after.outputs.sum'), b: 1 } },
        { id: 'side', functionId: mul, inputs: { a: ref('a.outputs.sum'), b: 7 } },
      ]);
      const run = await execute(wf.id);
      expect(run.state).toBe('failed');
      expect(run.error).toMatch(/step "broken" failed \(FUNCTION_ERROR\); skipped: after, last/);
      const byId = Object.fromEntries(run.steps.map((s) => [s.id, s]));
      expect(byId.broken?.error?.message).toMatch(/ValueError: bad input/);
      expect(byId.after).toMatchObject({ state: 'skipped', taskId: null, error: { code: 'WORKFLOW_STEP_SKIPPED', message: expect.stringContaining('"broken"') } });
      expect(byId.last?.error?.message).toMatch(/"after", which was skipped/);
      expect(byId.side).toMatchObject({ state: 'completed', outputs: { product: 14 } });
    });

    it.each([
      ['a cycle', [{ id: 'a', functionId: 'ADD', inputs: { a: ref('b.outputs.sum') } }, { id: 'b', functionId: 'ADD', inputs: { a: ref('a.outputs.sum') } }], 'WORKFLOW_CYCLE'],
      ['a self reference', [{ id: 'a', functionId: 'ADD', inputs: { a: ref('a.outputs.sum') } }], 'WORKFLOW_CYCLE'],
      ['an unknown step', [{ id: 'a', functionId: 'ADD', inputs: { a: ref('zzz.outputs.sum') } }], 'WORKFLOW_UNKNOWN_STEP'],
      ['an unknown function', [{ id: 'a', functionId: 'fn_missing', inputs: {} }], 'WORKFLOW_UNKNOWN_FUNCTION'],
      ['a malformed $ref', [{ id: 'a', functionId: 'ADD', inputs: { a: ref('nonsense') } }], 'INVALID_REQUEST'],
    ])('refuses %s with 400', async (_what, steps, code) => {
      const body = { name: 'bad', steps: JSON.parse(JSON.stringify(steps).replaceAll('"ADD"', JSON.stringify(add))) };
      const res = await fc.api<ErrorBody>('POST', '/api/workflows', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
    });

    it('a 3×3 grid study runs every combination and exports a CSV', async () => {
      const res = await fc.api<StudyView>('POST', '/api/studies', { functionId: add, parameters: { a: [1, 2, 3], b: [10, 20, 30] }, mode: 'grid' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.progress.total).toBe(9);
      const study = await fc.waitStudy(res.body.id);
      expect(study.progress).toEqual({ total: 9, done: 9, completed: 9, failed: 0 });
      expect(study.rows.map((r) => [r.inputs.a, r.inputs.b, (r.outputs as { sum: number }).sum])).toEqual([
        [1, 10, 11], [1, 20, 21], [1, 30, 31], [2, 10, 12], [2, 20, 22], [2, 30, 32], [3, 10, 13], [3, 20, 23], [3, 30, 33],
      ]);
      const csv = await fetch(`${h.base}/api/studies/${study.id}/results.csv`);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toBe('a,b,state,sum,error');
      expect(lines).toHaveLength(10);
      expect(lines[9]).toBe('3,30,completed,33,');
    });

    it('a list study over a workflow, and the run bound', async () => {
      const wf = await createWorkflow([
        { id: 's', functionId: add, inputs: { a: ref('inputs.x'), b: ref('inputs.y') } },
        { id: 'p', functionId: mul, inputs: { a: ref('s.outputs.sum'), b: 2 } },
      ]);
      const res = await fc.api<StudyView>('POST', '/api/studies', { workflowId: wf.id, parameters: { x: [1, 2], y: [5, 6] }, mode: 'list' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const study = await fc.waitStudy(res.body.id);
      expect(study.rows.map((r) => r.outputs)).toEqual([{ s: { sum: 6 }, p: { product: 12 } }, { s: { sum: 8 }, p: { product: 16 } }]);
      const csv = await (await fetch(`${h.base}/api/studies/${study.id}/results.csv`)).text();
      expect(csv.split('\r\n')[0]).toBe('x,y,state,s.sum,p.product,error');
      const tooBig = await fc.api<ErrorBody>('POST', '/api/studies', { functionId: add, parameters: { a: [1, 2, 3, 4, 5, 6, 7, 8], b: [1, 2, 3, 4, 5, 6, 7] } });
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.error).toMatchObject({ code: 'STUDY_TOO_LARGE', message: expect.stringContaining('8 × 7 = 56') });
    });

    it('answers the same inputs from the result cache, whatever their key order', async () => {
      const fn = (await fc.register({ runtime: 'python', code: 'import random\ndef main(inputs):\n    return {"r": random.random(), "k": inputs["k"]}\n' })).id;
      const first = await fc.run(fn, { k: 1, z: { b: 2, a: 1 } });
      expect(first.cached).toBe(false);
      const again = await fc.run(fn, { z: { a: 1, b: 2 }, k: 1 });
      expect(again).toMatchObject({ cached: true, state: 'completed', outputs: first.outputs });
      expect(again.id).not.toBe(first.id);
      const other = await fc.run(fn, { k: 2, z: { a: 1, b: 2 } });
      expect(other.cached).toBe(false);
    });
  });
}
