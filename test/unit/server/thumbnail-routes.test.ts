import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthView } from '../../../src/api-types.ts';
import { SpawnError } from '../../../src/errors/index.ts';
import { systemRoutes } from '../../../src/server/routes/system-routes.ts';
import { thumbnailRoutes, type ThumbnailRoutesDeps } from '../../../src/server/routes/thumbnail-routes.ts';
import type { SessionRecord } from '../../../src/store/index.ts';
import { OWNER_HEADER, routeApp, type ErrorBody } from './route-app.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Sessions `s1` (alice's, with a thumbnail) and `s2` (alice's, none yet); anyone else's is not found. */
const deps: ThumbnailRoutesDeps = {
  sessions: {
    async get(ownerId: string, id: string) {
      if (ownerId !== 'alice' || !['s1', 's2'].includes(id)) throw new SpawnError('SESSION_NOT_FOUND');
      return { id, ownerId } as SessionRecord;
    },
  },
  thumbnail: async (s) => (s.id === 's1' ? PNG : null),
};

describe('GET /api/sessions/:id/thumbnail.png', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers the PNG of the verified version to its owner', async () => {
    app = await routeApp(thumbnailRoutes, deps);
    const res = await app.inject({ url: '/api/sessions/s1/thumbnail.png' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.equals(PNG)).toBe(true);
  });

  it('answers THUMBNAIL_NOT_FOUND (404) when none was taken, and SESSION_NOT_FOUND to another owner', async () => {
    app = await routeApp(thumbnailRoutes, deps);
    const none = await app.inject({ url: '/api/sessions/s2/thumbnail.png' });
    expect(none.statusCode).toBe(404);
    expect(none.json<ErrorBody>().error.code).toBe('THUMBNAIL_NOT_FOUND');
    const other = await app.inject({ url: '/api/sessions/s1/thumbnail.png', headers: { [OWNER_HEADER]: 'bob' } });
    expect(other.statusCode).toBe(404);
    expect(other.json<ErrorBody>().error.code).toBe('SESSION_NOT_FOUND');
    const anonymous = await app.inject({ url: '/api/sessions/s1/thumbnail.png', headers: { [OWNER_HEADER]: 'nobody' } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('/healthz verify field', () => {
  it('says how deployed apps are verified', async () => {
    const app = await routeApp(systemRoutes, {
      checks: { store: async () => true, queue: async () => true },
      runtime: { name: 'process', isolation: 'bubblewrap' },
      verifyMode: 'http',
      metrics: { metrics: async () => '', contentType: 'text/plain' },
      clientConfig: () => ({ maxPromptChars: 1, ttl: { defaultSeconds: 1, minSeconds: 1, maxSeconds: 1 }, generator: 'llm', models: [], appsDomain: 'localhost' }),
      openApiDocument: () => ({ openapi: '3.1.0', info: { title: 't', version: '0' }, paths: {} }),
    });
    try {
      expect((await app.inject({ url: '/healthz' })).json<HealthView>()).toMatchObject({ status: 'ok', verify: 'http' });
    } finally {
      await app.close();
    }
  });
});
