import type { FastifyInstance } from 'fastify';
import { toStudyView } from '../../functions/index.ts';
import type { Platform } from '../../orchestrator/index.ts';

export function studyRoutes(app: FastifyInstance, platform: Platform): void {
  const { studies } = platform.functions;

  app.post('/api/studies', async (request, reply) => {
    const study = await studies.create(request.ownerId, request.body);
    const { rows } = await studies.get(request.ownerId, study.id);
    return reply.status(201).send(toStudyView(study, rows));
  });

  app.get<{ Params: { id: string } }>('/api/studies/:id', async (request) => {
    const { study, rows } = await studies.get(request.ownerId, request.params.id);
    return toStudyView(study, rows);
  });

  app.get<{ Params: { id: string } }>('/api/studies/:id/results.csv', async (request, reply) => {
    const csv = await studies.csv(request.ownerId, request.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="study-${request.params.id}.csv"`)
      .send(csv);
  });
}
