import type { FastifyInstance } from 'fastify';
import type { FunctionList, QueuedTask, TaskList } from '../../api-types.ts';
import { isFinal, toFunctionView, toTaskView } from '../../functions/index.ts';
import type { Platform } from '../../orchestrator/index.ts';
import { studyRoutes } from './study-routes.ts';
import { workflowRoutes } from './workflow-routes.ts';

/** Functions and tasks (v1), plus the workflow and study routes built on them. */
export function functionRoutes(app: FastifyInstance, platform: Platform): void {
  const { functions, config } = platform;
  const defaultTimeout = config.functions.timeoutSeconds;

  app.post('/api/functions', async (request, reply) => {
    const fn = await functions.registry.register(request.ownerId, request.body);
    return reply.status(201).send(toFunctionView(fn, defaultTimeout));
  });

  app.get('/api/functions', async (request) => {
    const body: FunctionList = { functions: (await functions.registry.list(request.ownerId)).map((fn) => toFunctionView(fn, defaultTimeout)) };
    return body;
  });

  app.get<{ Params: { id: string } }>('/api/functions/:id', async (request) => {
    return toFunctionView(await functions.registry.get(request.ownerId, request.params.id), defaultTimeout, true);
  });

  app.delete<{ Params: { id: string } }>('/api/functions/:id', async (request, reply) => {
    await functions.registry.delete(request.ownerId, request.params.id);
    return reply.status(204).send();
  });

  app.post<{ Params: { id: string } }>('/api/functions/:id/execute', async (request, reply) => {
    const waited = request.body !== null && typeof request.body === 'object' && 'wait' in request.body;
    const task = await functions.tasks.execute(request.ownerId, request.params.id, request.body);
    if (waited && isFinal(task.state)) return reply.status(200).send(toTaskView(task));
    const queued: QueuedTask = { taskId: task.id, state: task.state };
    return reply.status(202).send(queued);
  });

  app.get<{ Params: { id: string } }>('/api/tasks/:id', async (request) => {
    return toTaskView(await functions.tasks.get(request.ownerId, request.params.id));
  });

  app.get<{ Querystring: { functionId?: string; limit?: string } }>('/api/tasks', async (request) => {
    const limit = request.query.limit === undefined ? undefined : Number(request.query.limit) || undefined;
    const tasks = await functions.tasks.list(request.ownerId, { functionId: request.query.functionId, limit });
    const body: TaskList = { tasks: tasks.map(toTaskView) };
    return body;
  });

  workflowRoutes(app, platform);
  studyRoutes(app, platform);
}
