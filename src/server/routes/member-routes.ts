import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  API_ERRORS,
  BODY_ERRORS,
  CreateInvitationRequestSchema,
  errorResponses,
  InvitationAcceptedSchema,
  InvitationCreatedSchema,
  InvitationParamsSchema,
  MemberListSchema,
  MemberParamsSchema,
  MemberViewSchema,
  OrgParamsSchema,
  UpdateMemberRequestSchema,
} from '../../api-schemas/index.ts';
import type { InvitationService, OrgService } from '../../teams/index.ts';
import { principalOf } from '../access-control.ts';
import { toMemberView, toOrgView } from '../team-views.ts';

export interface MemberRoutesDeps {
  orgs: OrgService;
  invitations: InvitationService;
  /** Where invitation links point: the web UI's address as the browser sees it. */
  publicUrl: string | undefined;
}

const tags = ['organisations'];

/** Members of an organisation, and invitations to join it. */
export const memberRoutes: FastifyPluginAsyncZod<MemberRoutesDeps> = async (app, { orgs, invitations, publicUrl }) => {
  app.get('/api/orgs/:id/members', {
    schema: { tags, summary: 'Members and their roles', params: OrgParamsSchema, response: { 200: MemberListSchema, ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND') } },
    config: { permission: 'org:read', orgParam: 'id' },
  }, async (request) => ({ members: (await orgs.members(request.params.id)).map(toMemberView) }));

  app.patch('/api/orgs/:id/members/:userId', {
    schema: {
      tags,
      summary: "Change a member's role (only an owner grants or takes away owner)",
      params: MemberParamsSchema,
      body: UpdateMemberRequestSchema,
      response: { 200: MemberViewSchema, ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'ORG_NOT_FOUND', 'MEMBER_NOT_FOUND', 'LAST_OWNER', 'PERSONAL_ORG') },
    },
    config: { permission: 'members:manage', orgParam: 'id', action: 'member.update' },
  }, async (request) => toMemberView(await orgs.setRole(principalOf(request), request.params.id, request.params.userId, request.body.role)));

  app.delete('/api/orgs/:id/members/:userId', {
    schema: {
      tags,
      summary: 'Remove a member',
      params: MemberParamsSchema,
      response: { 204: z.undefined().describe('removed'), ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND', 'MEMBER_NOT_FOUND', 'LAST_OWNER', 'PERSONAL_ORG') },
    },
    config: { permission: 'members:manage', orgParam: 'id', action: 'member.remove' },
  }, async (request, reply) => {
    await orgs.removeMember(principalOf(request), request.params.id, request.params.userId);
    return reply.status(204).send();
  });

  app.post('/api/orgs/:id/invitations', {
    schema: {
      tags,
      summary: 'A single-use invitation URL with an expiry, accepted at sign-in',
      params: OrgParamsSchema,
      body: CreateInvitationRequestSchema,
      response: { 201: InvitationCreatedSchema, ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'ORG_NOT_FOUND', 'PERSONAL_ORG') },
    },
    config: { permission: 'members:manage', orgParam: 'id', action: 'invitation.create' },
  }, async (request, reply) => {
    const { record, token } = await invitations.create(principalOf(request), request.params.id, request.body.role, request.body.expiresInSeconds);
    const base = (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
    return reply.status(201).send({ id: record.id, url: `${base}/#/invite/${token}`, token, role: record.role, expiresAt: record.expiresAt.toISOString() });
  });

  app.post('/api/invitations/:token/accept', {
    schema: {
      tags,
      summary: 'Join the organisation of an invitation (the signed-in caller)',
      params: InvitationParamsSchema,
      response: { 200: InvitationAcceptedSchema, ...errorResponses(...API_ERRORS, 'INVITATION_INVALID') },
    },
    config: { permission: 'invitations:accept', action: 'invitation.accept' },
  }, async (request) => {
    const principal = principalOf(request);
    const { org, role } = await invitations.accept(request.params.token, principal.userId);
    request.auditOrgId = org.id;
    return { org: toOrgView(org, role, orgs) };
  });
};
