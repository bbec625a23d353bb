import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, BODY_ERRORS, errorResponses, MeViewSchema, SwitchOrgBodySchema } from '../../api-schemas/index.ts';
import type { MeView } from '../../api-types.ts';
import { SpawnError } from '../../errors/index.ts';
import type { FastifyRequest } from 'fastify';
import type { SignIn } from '../sign-in.ts';

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
    const session = request.webSession;
    const userId = session?.userId ?? (request.userId || request.ownerId);
    if (!session) await signIn.directory.ensureUser(userId);
    const user = (await signIn.directory.profile(userId)) ?? { id: userId, email: null, name: userId };
    const orgs = await signIn.directory.memberships(userId);
    const via = session ? 'cookie' : request.headers.authorization ? 'token' : 'local';
    return { user, orgs, currentOrgId: session?.currentOrgId ?? request.ownerId, via, ...(session ? { csrfToken: session.csrfToken } : {}) };
  };

  app.get('/api/me', { schema: me }, async (request) => view(request));

  app.put('/api/me/org', { schema: switchOrg }, async (request) => {
    const session = request.webSession;
    if (!session) throw new SpawnError('FORBIDDEN', "only the web UI's session has a current organisation: an API key belongs to one organisation");
    // Another organisation's id is a plain 404, as everywhere else.
    if ((await signIn.directory.roleOf(request.body.orgId, session.userId)) === null) throw new SpawnError('NOT_FOUND', 'no such organisation');
    await signIn.sessions.setCurrentOrg(session.id, request.body.orgId);
    request.webSession = { ...session, currentOrgId: request.body.orgId };
    request.ownerId = request.body.orgId;
    return view(request);
  });
};
