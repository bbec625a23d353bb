import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  API_ERRORS,
  BODY_ERRORS,
  errorResponses,
  ExecuteFunctionRequestSchema,
  FunctionListSchema,
  FunctionViewSchema,
  IdParamsSchema,
  QueuedTaskSchema,
  RegisterFunctionRequestSchema,
  TaskViewSchema,
} from '../../api-schemas/index.ts';
import { isFinal, toFunctionView, toTaskView, type FunctionRegistry, type TaskService } from '../../functions/index.ts';
import { withSpan } from '../../telemetry/index.ts';

export interface FunctionRoutesDeps {
  registry: Pick<FunctionRegistry, 'register' | 'list' | 'get' | 'delete'>;
  tasks: Pick<TaskService, 'execute'>;
  /** Shown for functions registered without their own timeout. */
  defaultTimeoutSeconds: number;
}

const tags = ['functions'];

const registerFunction = {
  tags,
  summary: 'Register a function (a new version when the name exists)',
  body: RegisterFunctionRequestSchema,
  response: {
    201: FunctionViewSchema.describe('the registered version'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'FUNCTION_SYNTAX_ERROR', 'FUNCTION_ENTRYPOINT_MISSING', 'FUNCTION_SCHEMA_INVALID'),
  },
};

const listFunctions = { tags, summary: "The caller's functions (latest versions)", response: { 200: FunctionListSchema.describe('the functions'), ...errorResponses(...API_ERRORS) } };

const getFunction = {
  tags,
  summary: 'One function, with its code',
  params: IdParamsSchema,
  response: { 200: FunctionViewSchema.describe('the latest version, with `code`'), ...errorResponses(...API_ERRORS, 'FUNCTION_NOT_FOUND') },
};

const deleteFunction = {
  tags,
  summary: 'Delete a function (every version)',
  params: IdParamsSchema,
  response: { 204: z.undefined().describe('deleted'), ...errorResponses(...API_ERRORS, 'FUNCTION_NOT_FOUND') },
};

const executeFunction = {
  tags,
  summary: 'Run a function on JSON inputs',
  description: 'With `wait`, answers the finished task (200) when it ends within that many seconds; otherwise the queued task (202), read with `GET /api/tasks/{id}`.',
  params: IdParamsSchema,
  body: ExecuteFunctionRequestSchema.optional(),
  response: {
    200: TaskViewSchema.describe('finished within `wait`'),
    202: QueuedTaskSchema.describe('queued or still running'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'FUNCTION_NOT_FOUND', 'FUNCTION_INPUT_INVALID', 'FUNCTION_SCHEMA_INVALID', 'QUEUE_UNAVAILABLE', 'CREDITS_EXHAUSTED', 'BUDGET_EXCEEDED', 'FUNCTION_CONCURRENCY_LIMIT'),
  },
};

/** Register, list, read, delete and execute functions. */
export const functionRoutes: FastifyPluginAsyncZod<FunctionRoutesDeps> = async (app, { registry, tasks, defaultTimeoutSeconds }) => {
  app.post('/api/functions', { schema: registerFunction, config: { permission: 'functions:write', creates: 'functions' } }, async (request, reply) => {
    const fn = await registry.register(request.ownerId, request.body);
    return reply.status(201).send(toFunctionView(fn, defaultTimeoutSeconds));
  });

  app.get('/api/functions', { schema: listFunctions, config: { permission: 'functions:read' } }, async (request) => ({ functions: (await registry.list(request.ownerId)).map((fn) => toFunctionView(fn, defaultTimeoutSeconds)) }));

  app.get('/api/functions/:id', { schema: getFunction, config: { permission: 'functions:read' } }, async (request) => toFunctionView(await registry.get(request.ownerId, request.params.id), defaultTimeoutSeconds, true));

  app.delete('/api/functions/:id', { schema: deleteFunction, config: { permission: 'functions:write', changes: { kind: 'functions', param: 'id' } } }, async (request, reply) => {
    await registry.delete(request.ownerId, request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/functions/:id/execute', { schema: executeFunction, config: { permission: 'functions:execute', creates: 'tasks' } }, async (request, reply) => {
    // The root of the call's trace: the `task.run` job carries its context to the worker's sandbox run.
    return withSpan('POST /api/functions/:id/execute', { 'http.request.method': 'POST', 'http.route': '/api/functions/:id/execute', 'spawn.function.id': request.params.id }, async (span) => {
      const waited = request.body !== undefined && 'wait' in request.body;
      const task = await tasks.execute(request.ownerId, request.params.id, request.body);
      const status = waited && isFinal(task.state) ? 200 : 202;
      span.setAttributes({ 'spawn.task.id': task.id, 'spawn.task.cached': task.cached, 'http.response.status_code': status });
      return status === 200 ? reply.status(200).send(toTaskView(task)) : reply.status(202).send({ taskId: task.id, state: task.state });
    });
  });
};
