import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskList, TaskView } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { taskRoutes, type TaskRoutesDeps } from '../../../src/server/routes/task-routes.ts';
import { TASK_VIEW_KEYS, taskRecord } from './fixtures.ts';
import { at, routeApp, type ErrorBody } from './route-app.ts';

describe('task routes', () => {
  let app: FastifyInstance;
  const listed: { ownerId: string; options: { functionId?: string; limit?: number } }[] = [];
  const tasks: TaskRoutesDeps['tasks'] = {
    async get(ownerId, id) {
      if (ownerId !== 'alice' || id !== 'task_1') throw new SpawnError('TASK_NOT_FOUND', `no task ${id}`);
      return taskRecord({ state: 'failed', errorCode: 'FUNCTION_ERROR', errorMessage: 'Traceback…', workflowRunId: 'run_1', stepId: 'a' });
    },
    async list(ownerId, options) {
      listed.push({ ownerId, options });
      return [taskRecord(), taskRecord({ id: 'task_2', state: 'queued', outputs: null, finishedAt: null, durationMs: null })];
    },
  };
  beforeAll(async () => {
    app = await routeApp(taskRoutes, { tasks });
  });
  afterAll(() => app.close());

  it('reads a task with every field, the error as {code, message}', async () => {
    const res = await app.inject({ url: '/api/tasks/task_1' });
    expect(res.statusCode).toBe(200);
    const task = res.json<TaskView>();
    expect(Object.keys(task).sort()).toEqual(TASK_VIEW_KEYS);
    expect(task).toMatchObject({ state: 'failed', error: { code: 'FUNCTION_ERROR', message: 'Traceback…' }, workflowRunId: 'run_1', stepId: 'a', createdAt: at.toISOString() });
  });

  it('hides another owner’s task as 404 TASK_NOT_FOUND', async () => {
    const res = await app.inject({ url: '/api/tasks/task_1', headers: { 'x-owner': 'bob' } });
    expect([res.statusCode, res.json<ErrorBody>().error.code]).toEqual([404, 'TASK_NOT_FOUND']);
  });

  it('lists with the filters passed on (limit as a number, nonsense as no limit)', async () => {
    const res = await app.inject({ url: '/api/tasks?functionId=fn_1&limit=5' });
    expect(res.json<TaskList>().tasks.map((t) => [t.id, t.state, t.finishedAt])).toEqual([['task_1', 'completed', at.toISOString()], ['task_2', 'queued', null]]);
    await app.inject({ url: '/api/tasks?limit=lots' });
    expect(listed).toEqual([{ ownerId: 'alice', options: { functionId: 'fn_1', limit: 5 } }, { ownerId: 'alice', options: { functionId: undefined, limit: undefined } }]);
  });
});
