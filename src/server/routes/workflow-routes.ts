import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  API_ERRORS,
  BODY_ERRORS,
  CreateWorkflowRequestSchema,
  errorResponses,
  ExecuteWorkflowRequestSchema,
  IdParamsSchema,
  WorkflowListSchema,
  WorkflowRunViewSchema,
  WorkflowViewSchema,
} from '../../api-schemas/index.ts';
import { toRunView, toWorkflowView, type WorkflowService } from '../../functions/index.ts';

export interface WorkflowRoutesDeps {
  workflows: Pick<WorkflowService, 'create' | 'list' | 'get' | 'execute' | 'getRun'>;
}

const tags = ['workflows'];

const createWorkflow = {
  tags,
  summary: 'Create a workflow',
  body: CreateWorkflowRequestSchema,
  response: {
    201: WorkflowViewSchema.describe('the workflow'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'WORKFLOW_CYCLE', 'WORKFLOW_UNKNOWN_STEP', 'WORKFLOW_UNKNOWN_FUNCTION'),
  },
};

const listWorkflows = { tags, summary: "The caller's workflows", response: { 200: WorkflowListSchema.describe('the workflows'), ...errorResponses(...API_ERRORS) } };

const getWorkflow = { tags, summary: 'One workflow', params: IdParamsSchema, response: { 200: WorkflowViewSchema.describe('the workflow'), ...errorResponses(...API_ERRORS, 'WORKFLOW_NOT_FOUND') } };

const executeWorkflow = {
  tags,
  summary: 'Start a run of a workflow',
  params: IdParamsSchema,
  body: ExecuteWorkflowRequestSchema.optional(),
  response: {
    202: WorkflowRunViewSchema.describe('the run, started; poll `GET /api/workflow-runs/{id}`'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'WORKFLOW_NOT_FOUND', 'QUEUE_UNAVAILABLE', 'CREDITS_EXHAUSTED', 'BUDGET_EXCEEDED'),
  },
};

const getRun = {
  tags,
  summary: 'One workflow run, with its steps',
  params: IdParamsSchema,
  response: { 200: WorkflowRunViewSchema.describe('the run'), ...errorResponses(...API_ERRORS, 'WORKFLOW_RUN_NOT_FOUND') },
};

/** Workflows (DAGs of function steps) and their runs. */
export const workflowRoutes: FastifyPluginAsyncZod<WorkflowRoutesDeps> = async (app, { workflows }) => {
  app.post('/api/workflows', { schema: createWorkflow, config: { permission: 'functions:write', creates: 'workflows' } }, async (request, reply) => reply.status(201).send(toWorkflowView(await workflows.create(request.ownerId, request.body))));

  app.get('/api/workflows', { schema: listWorkflows, config: { permission: 'functions:read' } }, async (request) => ({ workflows: (await workflows.list(request.ownerId)).map(toWorkflowView) }));

  app.get('/api/workflows/:id', { schema: getWorkflow, config: { permission: 'functions:read' } }, async (request) => toWorkflowView(await workflows.get(request.ownerId, request.params.id)));

  app.post('/api/workflows/:id/execute', { schema: executeWorkflow, config: { permission: 'functions:execute' } }, async (request, reply) => {
    const run = await workflows.execute(request.ownerId, request.params.id, request.body);
    const { run: current, steps } = await workflows.getRun(request.ownerId, run.id);
    return reply.status(202).send(toRunView(current, steps));
  });

  app.get('/api/workflow-runs/:id', { schema: getRun, config: { permission: 'functions:read' } }, async (request) => {
    const { run, steps } = await workflows.getRun(request.ownerId, request.params.id);
    return toRunView(run, steps);
  });
};
