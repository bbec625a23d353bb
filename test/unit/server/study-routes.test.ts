import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyRow, StudyView } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { studyRoutes, type StudyRoutesDeps } from '../../../src/server/routes/study-routes.ts';
import type { StudyRecord } from '../../../src/store/index.ts';
import { at, routeApp, type ErrorBody } from './route-app.ts';

describe('study routes', () => {
  let app: FastifyInstance;
  const study: StudyRecord = { id: 'study_1', ownerId: 'alice', targetKind: 'function', targetId: 'fn_1', mode: 'grid', parameters: { a: [1, 2] }, baseInputs: {}, totalRuns: 2, createdAt: at };
  const rows: StudyRow[] = [
    { index: 0, inputs: { a: 1 }, state: 'completed', outputs: { sum: 11 }, error: null, taskId: 'task_1', runId: null },
    { index: 1, inputs: { a: 2 }, state: 'pending', outputs: null, error: null, taskId: null, runId: null },
  ];
  const get = async (ownerId: string, id: string) => {
    if (ownerId !== 'alice' || id !== 'study_1') throw new SpawnError('STUDY_NOT_FOUND', `no study ${id}`);
    return { study, rows };
  };
  const studies: StudyRoutesDeps['studies'] = {
    async create(_ownerId, body) {
      if (Object.keys((body as { parameters: object }).parameters).length > 3) throw new SpawnError('STUDY_TOO_LARGE', '8 × 7 = 56 runs');
      return study;
    },
    get: async (ownerId, id) => get(ownerId, id),
    async csv(ownerId, id) {
      await get(ownerId, id);
      return 'a,state,sum,error\r\n1,completed,11,\r\n';
    },
  };
  beforeAll(async () => {
    app = await routeApp(studyRoutes, { studies });
  });
  afterAll(() => app.close());

  it('starts a study: 201 with its rows and progress', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/studies', payload: { functionId: 'fn_1', parameters: { a: [1, 2] } } });
    expect(res.statusCode).toBe(201);
    expect(res.json<StudyView>()).toEqual({
      id: 'study_1', functionId: 'fn_1', workflowId: null, mode: 'grid', parameters: { a: [1, 2] }, state: 'running',
      progress: { total: 2, done: 1, completed: 1, failed: 0 }, rows, createdAt: at.toISOString(),
    });
  });

  it.each([
    [{ functionId: 'fn_1', workflowId: 'wf_1', parameters: { a: [1] } }, 'INVALID_REQUEST', /^body: give exactly one of functionId and workflowId$/],
    [{ functionId: 'fn_1', parameters: { a: [] } }, 'INVALID_REQUEST', /^parameters\.a: give at least one value$/],
    [{ functionId: 'fn_1', parameters: { a: [1] }, mode: 'random' }, 'INVALID_REQUEST', /^mode: /],
    [{ functionId: 'fn_1', parameters: { a: [1] }, seed: 1 }, 'UNKNOWN_FIELD', /seed/],
    [{ functionId: 'fn_1', parameters: { a: [1], b: [1], c: [1], d: [1] } }, 'STUDY_TOO_LARGE', /56/],
  ])('refuses %j with 400 %s', async (payload, code, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/studies', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('reads a study (404 for another owner) and serves its results as a CSV attachment', async () => {
    expect((await app.inject({ url: '/api/studies/study_1', headers: { 'x-owner': 'bob' } })).json<ErrorBody>().error.code).toBe('STUDY_NOT_FOUND');
    const csv = await app.inject({ url: '/api/studies/study_1/results.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="study-study_1.csv"');
    expect(csv.body).toBe('a,state,sum,error\r\n1,completed,11,\r\n');
    expect((await app.inject({ url: '/api/studies/nope/results.csv' })).statusCode).toBe(404);
  });
});
