import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ERRORS, errorResponses, IdParamsSchema } from '../../api-schemas/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { SessionService } from '../../orchestrator/index.ts';
import type { SessionRecord } from '../../store/index.ts';

export interface ThumbnailRoutesDeps {
  /** Owner check: another owner's session is SESSION_NOT_FOUND, as on `GET /api/sessions/:id`. */
  sessions: Pick<SessionService, 'get'>;
  thumbnail(session: SessionRecord): Promise<Buffer | null>;
}

const getThumbnail = {
  tags: ['sessions'],
  summary: "A small PNG of the app as the verifier saw it (the current version's)",
  params: IdParamsSchema,
  response: {
    200: { description: 'image/png', content: { 'image/png': { schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', contentMediaType: 'image/png' }) } } },
    ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND', 'THUMBNAIL_NOT_FOUND'),
  },
};

/** `GET /api/sessions/:id/thumbnail.png`: same token and ownership rules as the session itself. */
export const thumbnailRoutes: FastifyPluginAsyncZod<ThumbnailRoutesDeps> = async (app, { sessions, thumbnail }) => {
  app.get('/api/sessions/:id/thumbnail.png', { schema: getThumbnail, config: { permission: 'sessions:read' } }, async (request, reply) => {
    const session = await sessions.get(request.ownerId, request.params.id);
    const png = await thumbnail(session);
    if (!png) throw new SpawnError('THUMBNAIL_NOT_FOUND');
    // A version's thumbnail never changes; a new version is a new URL for the cache only through
    // the session's currentVersion, so clients revalidate briefly instead of caching forever.
    return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=10').send(png);
  });
};
