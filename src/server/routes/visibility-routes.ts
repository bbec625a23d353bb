import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, BODY_ERRORS, errorResponses, IdParamsSchema, SessionViewSchema, VisibilityRequestSchema } from '../../api-schemas/index.ts';
import type { Visibility } from '../../api-types.ts';
import type { SessionService } from '../../orchestrator/index.ts';
import type { SessionRecord } from '../../store/index.ts';
import { toSessionView } from '../session-view.ts';

export interface VisibilityRoutesDeps {
  sessions: Pick<SessionService, 'get'>;
  setVisibility(id: string, visibility: Visibility): Promise<SessionRecord | null>;
  appUrl(id: string): string;
}

/** `PATCH /api/sessions/:id {visibility}`: who may open the app (enforced by the app proxy). */
export const visibilityRoutes: FastifyPluginAsyncZod<VisibilityRoutesDeps> = async (app, { sessions, setVisibility, appUrl }) => {
  app.patch('/api/sessions/:id', {
    schema: {
      tags: ['sessions'],
      summary: 'Make the app public (anyone with the URL) or private to the organisation',
      params: IdParamsSchema,
      body: VisibilityRequestSchema,
      response: { 200: SessionViewSchema, ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'SESSION_NOT_FOUND') },
    },
    config: { permission: 'sessions:write', changes: { kind: 'sessions', param: 'id' }, action: 'session.visibility' },
  }, async (request) => {
    const session = await sessions.get(request.ownerId, request.params.id);
    return toSessionView((await setVisibility(session.id, request.body.visibility)) ?? session, appUrl);
  });
};
