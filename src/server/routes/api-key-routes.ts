import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  API_ERRORS,
  ApiKeyCreatedSchema,
  ApiKeyListSchema,
  ApiKeyParamsSchema,
  BODY_ERRORS,
  CreateApiKeyRequestSchema,
  errorResponses,
  OrgParamsSchema,
} from '../../api-schemas/index.ts';
import type { ApiKeyService } from '../../teams/index.ts';
import { principalOf } from '../access-control.ts';
import { toApiKeyView } from '../team-views.ts';

export interface ApiKeyRoutesDeps {
  apiKeys: ApiKeyService;
}

const tags = ['organisations'];

/** Organisation API keys: created (the secret shown once), listed (never in clear), revoked. */
export const apiKeyRoutes: FastifyPluginAsyncZod<ApiKeyRoutesDeps> = async (app, { apiKeys }) => {
  app.get('/api/orgs/:id/api-keys', {
    schema: { tags, summary: 'The organisation API keys (never the secrets)', params: OrgParamsSchema, response: { 200: ApiKeyListSchema, ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND') } },
    config: { permission: 'keys:manage', orgParam: 'id' },
  }, async (request) => ({ apiKeys: (await apiKeys.list(request.params.id)).map(toApiKeyView) }));

  app.post('/api/orgs/:id/api-keys', {
    schema: {
      tags,
      summary: 'Create an API key with scopes; the key is in this answer only',
      params: OrgParamsSchema,
      body: CreateApiKeyRequestSchema,
      response: { 201: ApiKeyCreatedSchema, ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'ORG_NOT_FOUND') },
    },
    config: { permission: 'keys:manage', orgParam: 'id', action: 'apikey.create' },
  }, async (request, reply) => {
    const { record, key } = await apiKeys.create(principalOf(request), request.params.id, request.body);
    return reply.status(201).send({ ...toApiKeyView(record), key });
  });

  app.delete('/api/orgs/:id/api-keys/:keyId', {
    schema: { tags, summary: 'Revoke an API key (at once, for good)', params: ApiKeyParamsSchema, response: { 204: z.undefined().describe('revoked'), ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND', 'API_KEY_NOT_FOUND') } },
    config: { permission: 'keys:manage', orgParam: 'id', action: 'apikey.revoke' },
  }, async (request, reply) => {
    await apiKeys.revoke(request.params.id, request.params.keyId);
    return reply.status(204).send();
  });
};
