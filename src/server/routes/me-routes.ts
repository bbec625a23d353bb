import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, BODY_ERRORS, errorResponses, MeViewSchema, SwitchOrgBodySchema } from '../../api-schemas/index.ts';
import type { MeView } from '../../api-types.ts';
import { SpawnError } from '../../errors/index.ts';
import type { FastifyRequest } from 'fastify';
import type { SignIn } from '../sign-in.ts';
import { principalOf } from '../access-control.ts';
import type { Role } from '../../api-types.ts';

const tags = ['sign-in'];
const me = {
  tags,
  summary: 'Who is calling: the user, their organisations (with their role) and the current one',
  response: { 200: MeViewSchema, ...errorResponses(...API_ERRORS, 'CSRF_REJECTED') },
};
const switchOrg = {
  tags,
  summary: "Switch the web session's current organisation (what new sessions belong to)",
  body: SwitchOrgBodySchema,
  response: { 200: MeViewSchema, ...errorResponses(...API_ERRORS, ...BODY_ERRORS, 'CSRF_REJECTED', 'NOT_FOUND') },
};

/** `GET /api/me` and `PUT /api/me/org`. */
export const meRoutes: FastifyPluginAsyncZod<SignIn> = async (app, signIn) => {
  const view = async (request: FastifyRequest): Promise<MeView> => {
    const principal = principalOf(request);
    const session = request.webSession;
    const user = (await signIn.directory.profile(principal.userId)) ?? { id: principal.userId, email: null, name: principal.userId };
    // An API key belongs to one organisation: it sees that one only, not its creator's others.
    const orgs = principal.via === 'apikey' ? (await signIn.directory.memberships(principal.userId)).filter((o) => o.id === principal.orgId) : await signIn.directory.memberships(principal.userId);
    return { user, orgs, currentOrgId: principal.orgId, via: principal.via, role: principal.role, ...(session ? { csrfToken: session.csrfToken } : {}) };
  };

  app.get('/api/me', { schema: me, config: { permission: 'authenticated' } }, async (request) => view(request));

  app.put('/api/me/org', { schema: switchOrg, config: { permission: 'authenticated', action: 'me.switch-org' } }, async (request) => {
    const session = request.webSession;
    if (!session) throw new SpawnError('FORBIDDEN', "only the web UI's session has a current organisation: an API key belongs to one organisation");
    // Another organisation's id is a plain 404, as everywhere else.
    if ((await signIn.directory.roleOf(request.body.orgId, session.userId)) === null) throw new SpawnError('NOT_FOUND', 'no such organisation');
    await signIn.sessions.setCurrentOrg(session.id, request.body.orgId);
    request.webSession = { ...session, currentOrgId: request.body.orgId };
    request.ownerId = request.body.orgId;
    const principal = principalOf(request);
    request.principal = { ...principal, orgId: request.body.orgId, role: (await signIn.directory.roleOf(request.body.orgId, session.userId)) as Role };
    return view(request);
  });
};
