import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, errorResponses, MeFallbackSchema } from '../../api-schemas/index.ts';

const me = { tags: ['billing'], summary: 'The caller and its (personal) organisation', response: { 200: MeFallbackSchema, ...errorResponses(...API_ERRORS) } };

/**
 * Registered only when no other `GET /api/me` exists: before organisations land, clients (the
 * usage view, scripts) learn their org id here — a personal org with the owner's id.
 */
export const meFallbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/me', { schema: me, config: { permission: 'authenticated' } }, async (request) => ({ ownerId: request.ownerId, currentOrgId: request.ownerId, orgs: [{ id: request.ownerId, name: request.ownerId }] }));
};
