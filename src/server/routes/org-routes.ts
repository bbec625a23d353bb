import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  API_ERRORS,
  BODY_ERRORS,
  CreateOrgRequestSchema,
  errorResponses,
  OrgListSchema,
  OrgParamsSchema,
  OrgViewSchema,
  UpdateOrgRequestSchema,
} from '../../api-schemas/index.ts';
import type { OrgService } from '../../teams/index.ts';
import { principalOf } from '../access-control.ts';
import { toOrgView } from '../team-views.ts';

export interface OrgRoutesDeps {
  orgs: OrgService;
}

const tags = ['organisations'];

/** Organisations: list, create, read, change (name, limits), delete. */
export const orgRoutes: FastifyPluginAsyncZod<OrgRoutesDeps> = async (app, { orgs }) => {
  app.get('/api/orgs', {
    schema: { tags, summary: "The caller's organisations with their role in each", response: { 200: OrgListSchema, ...errorResponses(...API_ERRORS) } },
    config: { permission: 'authenticated' },
  }, async (request) => ({ orgs: (await orgs.list(principalOf(request))).map(({ org, role }) => toOrgView(org, role, orgs)) }));

  app.post('/api/orgs', {
    schema: { tags, summary: 'Create an organisation; the caller becomes its owner', body: CreateOrgRequestSchema, response: { 201: OrgViewSchema, ...errorResponses(...API_ERRORS, ...BODY_ERRORS) } },
    config: { permission: 'org:create', action: 'org.create' },
  }, async (request, reply) => reply.status(201).send(toOrgView(await orgs.create(principalOf(request), request.body.name), 'owner', orgs)));

  app.get('/api/orgs/:id', {
    schema: { tags, summary: 'One organisation', params: OrgParamsSchema, response: { 200: OrgViewSchema, ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND') } },
    config: { permission: 'org:read', orgParam: 'id' },
  }, async (request) => toOrgView(await orgs.get(request.params.id), principalOf(request).role, orgs));

  app.patch('/api/orgs/:id', {
    schema: {
      tags,
      summary: "Rename it or set its limits (each within the server's cap)",
      params: OrgParamsSchema,
      body: UpdateOrgRequestSchema,
      response: { 200: OrgViewSchema, ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'ORG_NOT_FOUND', 'LIMIT_ABOVE_CAP') },
    },
    config: { permission: 'org:admin', orgParam: 'id', action: 'org.update' },
  }, async (request) => toOrgView(await orgs.update(request.params.id, request.body), principalOf(request).role, orgs));

  app.delete('/api/orgs/:id', {
    schema: { tags, summary: 'Delete the organisation (owners only; not a personal one)', params: OrgParamsSchema, response: { 204: z.undefined().describe('deleted'), ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND', 'PERSONAL_ORG') } },
    config: { permission: 'org:delete', orgParam: 'id', action: 'org.delete' },
  }, async (request, reply) => {
    await orgs.delete(request.params.id);
    return reply.status(204).send();
  });
};
