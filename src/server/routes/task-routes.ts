import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, errorResponses, IdParamsSchema, TaskListQuerySchema, TaskListSchema, TaskViewSchema } from '../../api-schemas/index.ts';
import { toTaskView, type TaskService } from '../../functions/index.ts';

export interface TaskRoutesDeps {
  tasks: Pick<TaskService, 'get' | 'list'>;
}

const tags = ['tasks'];

const getTask = { tags, summary: 'One task', params: IdParamsSchema, response: { 200: TaskViewSchema.describe('the task'), ...errorResponses(...API_ERRORS, 'TASK_NOT_FOUND') } };

const listTasks = {
  tags,
  summary: "The caller's tasks, newest first",
  querystring: TaskListQuerySchema,
  response: { 200: TaskListSchema.describe('the tasks'), ...errorResponses(...API_ERRORS) },
};

/** Read tasks: one function call each, with its inputs, outputs, logs and state. */
export const taskRoutes: FastifyPluginAsyncZod<TaskRoutesDeps> = async (app, { tasks }) => {
  app.get('/api/tasks/:id', { schema: getTask, config: { permission: 'functions:read' } }, async (request) => toTaskView(await tasks.get(request.ownerId, request.params.id)));

  app.get('/api/tasks', { schema: listTasks, config: { permission: 'functions:read' } }, async (request) => {
    const limit = request.query.limit === undefined ? undefined : Number(request.query.limit) || undefined;
    const list = await tasks.list(request.ownerId, { functionId: request.query.functionId, limit });
    return { tasks: list.map(toTaskView) };
  });
};
