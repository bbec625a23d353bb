import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowRunView, WorkflowView } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { workflowRoutes, type WorkflowRoutesDeps } from '../../../src/server/routes/workflow-routes.ts';
import type { WorkflowRecord, WorkflowRunRecord } from '../../../src/store/index.ts';
import { taskRecord } from './fixtures.ts';
import { at, routeApp, type ErrorBody } from './route-app.ts';

describe('workflow routes', () => {
  let app: FastifyInstance;
  const created: unknown[] = [];
  const workflow: WorkflowRecord = { id: 'wf_1', ownerId: 'alice', name: 'diamond', steps: [{ id: 'a', functionId: 'fn_1', inputs: { a: { $ref: 'inputs.x' } } }, { id: 'b', functionId: 'fn_1', inputs: {} }], createdAt: at };
  const run: WorkflowRunRecord = { id: 'run_1', workflowId: 'wf_1', ownerId: 'alice', state: 'running', inputs: { x: 1 }, studyId: null, studyIndex: null, errorMessage: null, createdAt: at, finishedAt: null };
  const steps = [
    { id: 'a', functionId: 'fn_1', state: 'completed' as const, task: taskRecord({ stepId: 'a', workflowRunId: 'run_1' }), skippedBecause: null },
    { id: 'b', functionId: 'fn_1', state: 'skipped' as const, task: null, skippedBecause: 'step "a" failed' },
  ];
  const get = async (ownerId: string, id: string) => {
    if (ownerId !== 'alice' || id !== 'wf_1') throw new SpawnError('WORKFLOW_NOT_FOUND', `no workflow ${id}`);
    return workflow;
  };
  const workflows: WorkflowRoutesDeps['workflows'] = {
    async create(_ownerId, body) {
      created.push(body);
      if ((body as { name: string }).name === 'cycle') throw new SpawnError('WORKFLOW_CYCLE', 'a → a');
      return workflow;
    },
    list: async (ownerId) => (ownerId === 'alice' ? [workflow] : []),
    get,
    async execute(ownerId, id) {
      await get(ownerId, id);
      return run;
    },
    async getRun(ownerId, id) {
      if (ownerId !== 'alice' || id !== 'run_1') throw new SpawnError('WORKFLOW_RUN_NOT_FOUND', `no workflow run ${id}`);
      return { run, steps };
    },
  };
  beforeAll(async () => {
    app = await routeApp(workflowRoutes, { workflows });
  });
  afterAll(() => app.close());

  it('creates a workflow (201) keeping $ref inputs; DAG errors come from the service', async () => {
    const body = { name: 'diamond', steps: [{ id: 'a', functionId: 'fn_1', inputs: { a: { $ref: 'inputs.x' } } }] };
    const res = await app.inject({ method: 'POST', url: '/api/workflows', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json<WorkflowView>()).toEqual({ id: 'wf_1', name: 'diamond', steps: workflow.steps, createdAt: at.toISOString() });
    expect(created).toEqual([body]);
    const cycle = await app.inject({ method: 'POST', url: '/api/workflows', payload: { ...body, name: 'cycle' } });
    expect([cycle.statusCode, cycle.json<ErrorBody>().error.code]).toEqual([400, 'WORKFLOW_CYCLE']);
  });

  it.each([
    [{ name: 'wf', steps: [] }, 'INVALID_REQUEST', /^steps: /],
    [{ name: 'wf', steps: [{ id: 'inputs', functionId: 'fn_1' }] }, 'INVALID_REQUEST', /"inputs" is reserved/],
    [{ name: 'wf', steps: [{ id: 'a', functionId: 'fn_1', after: ['b'] }] }, 'UNKNOWN_FIELD', /^unknown field\(s\): after$/],
  ])('refuses the shape %j with 400 %s before the service sees it', async (payload, code, message) => {
    const before = created.length;
    const res = await app.inject({ method: 'POST', url: '/api/workflows', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(created).toHaveLength(before);
  });

  it('lists and reads only the caller’s workflows', async () => {
    expect((await app.inject({ url: '/api/workflows' })).json<{ workflows: WorkflowView[] }>().workflows).toHaveLength(1);
    expect((await app.inject({ url: '/api/workflows', headers: { 'x-owner': 'bob' } })).json<{ workflows: WorkflowView[] }>().workflows).toHaveLength(0);
    expect((await app.inject({ url: '/api/workflows/wf_1', headers: { 'x-owner': 'bob' } })).json<ErrorBody>().error.code).toBe('WORKFLOW_NOT_FOUND');
  });

  it('executes (202 with the run and its steps, skipped ones explained) with or without a body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/workflows/wf_1/execute', payload: { inputs: { x: 1 } } });
    expect(res.statusCode).toBe(202);
    const view = res.json<WorkflowRunView>();
    expect(view).toMatchObject({ id: 'run_1', state: 'running', inputs: { x: 1 }, finishedAt: null, error: null });
    expect(view.steps).toEqual([
      { id: 'a', functionId: 'fn_1', state: 'completed', taskId: 'task_1', outputs: { sum: 3, nested: { deep: [1, { x: null }] } }, error: null },
      { id: 'b', functionId: 'fn_1', state: 'skipped', taskId: null, outputs: null, error: { code: 'WORKFLOW_STEP_SKIPPED', message: 'step "a" failed' } },
    ]);
    expect((await app.inject({ method: 'POST', url: '/api/workflows/wf_1/execute' })).statusCode).toBe(202);
    expect((await app.inject({ method: 'POST', url: '/api/workflows/wf_1/execute', payload: { inputs: 3 } })).json<ErrorBody>().error.code).toBe('INVALID_REQUEST');
    const run = await app.inject({ url: '/api/workflow-runs/run_2' });
    expect([run.statusCode, run.json<ErrorBody>().error.code]).toEqual([404, 'WORKFLOW_RUN_NOT_FOUND']);
  });
});
