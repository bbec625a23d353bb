import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ERRORS, errorResponses, IdParamsSchema } from '../../api-schemas/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { PromptImage } from '../../generator/index.ts';
import type { SessionService } from '../../orchestrator/index.ts';
import type { SessionRecord } from '../../store/index.ts';

export interface PromptImageRoutesDeps {
  /** Owner check: another owner's session is SESSION_NOT_FOUND, as on `GET /api/sessions/:id`. */
  sessions: Pick<SessionService, 'get'>;
  image(session: SessionRecord): Promise<PromptImage | null>;
}

const imageBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', contentMediaType: 'image/*' });

const getImage = {
  tags: ['sessions'],
  summary: "The image sent with the session's first message (PNG, JPEG or WebP, as checked on arrival)",
  params: IdParamsSchema,
  response: {
    200: { description: 'the image', content: { 'image/png': { schema: imageBody }, 'image/jpeg': { schema: imageBody }, 'image/webp': { schema: imageBody } } },
    ...errorResponses(...API_ERRORS, 'SESSION_NOT_FOUND', 'IMAGE_NOT_FOUND'),
  },
};

/** `GET /api/sessions/:id/image`: same token and ownership rules as the session itself. */
export const promptImageRoutes: FastifyPluginAsyncZod<PromptImageRoutesDeps> = async (app, { sessions, image }) => {
  app.get('/api/sessions/:id/image', { schema: getImage }, async (request, reply) => {
    const session = await sessions.get(request.ownerId, request.params.id);
    const found = await image(session);
    if (!found) throw new SpawnError('IMAGE_NOT_FOUND');
    // The type was read from the bytes on arrival; nosniff keeps a browser from guessing otherwise,
    // and the sandbox CSP keeps an image URL opened directly from running anything.
    return reply
      .header('content-type', found.mediaType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=3600')
      .send(found.data);
  });
};
