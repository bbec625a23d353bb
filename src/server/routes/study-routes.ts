import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ERRORS, BODY_ERRORS, CreateStudyRequestSchema, errorResponses, IdParamsSchema, StudyViewSchema } from '../../api-schemas/index.ts';
import { toStudyView, type StudyService } from '../../functions/index.ts';

export interface StudyRoutesDeps {
  studies: Pick<StudyService, 'create' | 'get' | 'csv'>;
}

const tags = ['studies'];

const createStudy = {
  tags,
  summary: 'Start a study: one run per combination of parameters',
  body: CreateStudyRequestSchema,
  response: {
    201: StudyViewSchema.describe('the study, started'),
    ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'STUDY_TOO_LARGE', 'FUNCTION_NOT_FOUND', 'WORKFLOW_NOT_FOUND', 'FUNCTION_INPUT_INVALID', 'FUNCTION_SCHEMA_INVALID', 'QUEUE_UNAVAILABLE', 'CREDITS_EXHAUSTED', 'BUDGET_EXCEEDED'),
  },
};

const getStudy = { tags, summary: 'One study, with a row per run', params: IdParamsSchema, response: { 200: StudyViewSchema.describe('the study'), ...errorResponses(...API_ERRORS, 'STUDY_NOT_FOUND') } };

const studyCsv = {
  tags,
  summary: "A study's results as CSV",
  params: IdParamsSchema,
  response: {
    200: { description: 'parameters, state, one column per output field, error', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(...API_ERRORS, 'STUDY_NOT_FOUND'),
  },
};

/** Parameter sweeps over a function or a workflow, and their results as CSV. */
export const studyRoutes: FastifyPluginAsyncZod<StudyRoutesDeps> = async (app, { studies }) => {
  app.post('/api/studies', { schema: createStudy, config: { permission: 'functions:execute', creates: 'studies' } }, async (request, reply) => {
    const study = await studies.create(request.ownerId, request.body);
    const { rows } = await studies.get(request.ownerId, study.id);
    return reply.status(201).send(toStudyView(study, rows));
  });

  app.get('/api/studies/:id', { schema: getStudy, config: { permission: 'functions:read' } }, async (request) => {
    const { study, rows } = await studies.get(request.ownerId, request.params.id);
    return toStudyView(study, rows);
  });

  app.get('/api/studies/:id/results.csv', { schema: studyCsv, config: { permission: 'functions:read' } }, async (request, reply) => {
    const csv = await studies.csv(request.ownerId, request.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="study-${request.params.id}.csv"`)
      .send(csv);
  });
};
