import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionList, FunctionView, QueuedTask, TaskView } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { functionRoutes, type FunctionRoutesDeps } from '../../../src/server/routes/function-routes.ts';
import type { FunctionVersionRecord } from '../../../src/store/index.ts';
import { fnRecord, TASK_VIEW_KEYS, taskRecord } from './fixtures.ts';
import { at, routeApp, type ErrorBody } from './route-app.ts';

describe('function routes', () => {
  let app: FastifyInstance;
  const fns = new Map<string, FunctionVersionRecord>();
  const executed: unknown[] = [];
  const get = async (ownerId: string, id: string) => {
    const fn = fns.get(id);
    if (!fn || fn.ownerId !== ownerId) throw new SpawnError('FUNCTION_NOT_FOUND', `no function ${id}`);
    return fn;
  };
  const registry: FunctionRoutesDeps['registry'] = {
    async register(ownerId, body) {
      const input = body as { name: string; code: string; timeoutSeconds?: number };
      if (input.code.includes('syntax')) throw new SpawnError('FUNCTION_SYNTAX_ERROR', 'line 2: invalid syntax');
      const fn = fnRecord({ functionId: `fn_${fns.size + 1}`, ownerId, name: input.name, code: input.code, timeoutSeconds: input.timeoutSeconds ?? null });
      fns.set(fn.functionId, fn);
      return fn;
    },
    list: async (ownerId) => [...fns.values()].filter((f) => f.ownerId === ownerId),
    get,
    async delete(ownerId, id) {
      await get(ownerId, id);
      fns.delete(id);
    },
  };
  const tasks: FunctionRoutesDeps['tasks'] = {
    async execute(ownerId, id, body) {
      await get(ownerId, id);
      executed.push(body);
      const wait = (body as { wait?: number } | undefined)?.wait;
      return wait ? taskRecord({ functionId: id }) : taskRecord({ functionId: id, state: 'queued', outputs: null, finishedAt: null });
    },
  };
  beforeAll(async () => {
    app = await routeApp(functionRoutes, { registry, tasks, defaultTimeoutSeconds: 30 });
  });
  afterAll(() => app.close());

  it('registers: 201 FunctionView without code; the default timeout is shown', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/functions', payload: { name: 'add', runtime: 'python', code: 'def main(i): return i' } });
    expect(res.statusCode).toBe(201);
    expect(res.json<FunctionView>()).toEqual({ id: 'fn_1', version: 1, name: 'add', runtime: 'python', entrypoint: 'main', inputSchema: null, timeoutSeconds: 30, createdAt: at.toISOString(), requirements: [], build: null });
  });

  it.each([
    [{ name: 'bad name!', runtime: 'python', code: 'x' }, 'INVALID_REQUEST', /^name: letters, digits/],
    [{ name: 'a', runtime: 'ruby', code: 'x' }, 'INVALID_REQUEST', /^runtime: /],
    [{ name: 'a', runtime: 'python', code: '' }, 'INVALID_REQUEST', /^code: code must not be empty$/],
    [{ name: 'a', runtime: 'python', code: 'x', memory: 1 }, 'UNKNOWN_FIELD', /^unknown field\(s\): memory$/],
    [{ name: 'a', runtime: 'python', code: 'x', timeoutSeconds: 0 }, 'INVALID_REQUEST', /^timeoutSeconds: /],
    [{ name: 'a', runtime: 'python', code: 'syntax' }, 'FUNCTION_SYNTAX_ERROR', /line 2/],
  ])('refuses %j with 400 %s', async (payload, code, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/functions', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('lists the caller’s functions, reads one with its code, deletes it (204), then 404s', async () => {
    await app.inject({ method: 'POST', url: '/api/functions', payload: { name: 'mine', runtime: 'node', code: 'module.exports.main = () => 1' }, headers: { 'x-owner': 'bob' } });
    expect((await app.inject({ url: '/api/functions' })).json<FunctionList>().functions.map((f) => f.name)).toEqual(['add']);
    const one = await app.inject({ url: '/api/functions/fn_1' });
    expect(one.json<FunctionView>().code).toBe('def main(i): return i');
    expect((await app.inject({ url: '/api/functions/fn_1', headers: { 'x-owner': 'bob' } })).json<ErrorBody>().error.code).toBe('FUNCTION_NOT_FOUND');
    const del = await app.inject({ method: 'DELETE', url: '/api/functions/fn_2' });
    expect(del.statusCode).toBe(404);
    const mine = await app.inject({ method: 'DELETE', url: '/api/functions/fn_2', headers: { 'x-owner': 'bob' } });
    expect([mine.statusCode, mine.body]).toEqual([204, '']);
  });

  it('executes: 200 with the whole TaskView when finished within wait, else 202 {taskId, state}', async () => {
    const waited = await app.inject({ method: 'POST', url: '/api/functions/fn_1/execute', payload: { inputs: { a: 1 }, wait: 5 } });
    expect(waited.statusCode).toBe(200);
    const task = waited.json<TaskView>();
    expect(Object.keys(task).sort()).toEqual(TASK_VIEW_KEYS);
    expect(task.outputs).toEqual({ sum: 3, nested: { deep: [1, { x: null }] } });
    const queued = await app.inject({ method: 'POST', url: '/api/functions/fn_1/execute', payload: { inputs: { a: 1 } } });
    expect([queued.statusCode, queued.json<QueuedTask>()]).toEqual([202, { taskId: 'task_1', state: 'queued' }]);
  });

  it('executes without a body (no inputs), and checks the body shape when there is one', async () => {
    executed.length = 0;
    const bare = await app.inject({ method: 'POST', url: '/api/functions/fn_1/execute' });
    expect(bare.statusCode).toBe(202);
    expect(executed).toEqual([undefined]);
    const bad = await app.inject({ method: 'POST', url: '/api/functions/fn_1/execute', payload: { wait: 'soon' } });
    expect(bad.json<ErrorBody>().error).toEqual({ code: 'INVALID_REQUEST', message: 'wait: Invalid input: expected number, received string' });
    const extra = await app.inject({ method: 'POST', url: '/api/functions/fn_1/execute', payload: { input: {} } });
    expect(extra.json<ErrorBody>().error.code).toBe('UNKNOWN_FIELD');
    expect(executed).toHaveLength(1);
    expect((await app.inject({ method: 'POST', url: '/api/functions/fn_9/execute', payload: {} })).json<ErrorBody>().error.code).toBe('FUNCTION_NOT_FOUND');
  });
});
