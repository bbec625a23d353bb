import type { FastifyInstance } from 'fastify';
import { toRunView, toWorkflowView } from '../../functions/index.ts';
import type { Platform } from '../../orchestrator/index.ts';

export function workflowRoutes(app: FastifyInstance, platform: Platform): void {
  const { workflows } = platform.functions;

  app.post('/api/workflows', async (request, reply) => {
    return reply.status(201).send(toWorkflowView(await workflows.create(request.ownerId, request.body)));
  });

  app.get('/api/workflows', async (request) => {
    return { workflows: (await workflows.list(request.ownerId)).map(toWorkflowView) };
  });

  app.get<{ Params: { id: string } }>('/api/workflows/:id', async (request) => {
    return toWorkflowView(await workflows.get(request.ownerId, request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/workflows/:id/execute', async (request, reply) => {
    const run = await workflows.execute(request.ownerId, request.params.id, request.body);
    const { run: current, steps } = await workflows.getRun(request.ownerId, run.id);
    return reply.status(202).send(toRunView(current, steps));
  });

  app.get<{ Params: { id: string } }>('/api/workflow-runs/:id', async (request) => {
    const { run, steps } = await workflows.getRun(request.ownerId, request.params.id);
    return toRunView(run, steps);
  });
}
