import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppSignInQuerySchema, errorResponses, PUBLIC_ERRORS } from '../../api-schemas/index.ts';
import { isSessionId } from '../../api-types.ts';
import { safeLocalPath } from '../../auth/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { SessionRecord } from '../../store/index.ts';
import { cookieSession, type SignIn } from '../sign-in.ts';
import { sendSignInPage } from '../sign-in-pages.ts';

export interface AppSignInDeps {
  signIn: SignIn;
  sessions: { get(id: string): Promise<SessionRecord | null> };
  /** `<scheme>://<id>.<appsDomain>[:port]` of an app. */
  appUrl(id: string): string;
}

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const appSignIn = {
  tags: ['sign-in'],
  summary: "A private app's hand-off: checks the user's cookie and membership, sends a single-use code to the app's host",
  security: [],
  querystring: AppSignInQuerySchema,
  response: {
    302: { description: "to the app's `/__spawn/auth?code=…` (signed in and a member), or to /auth/login (not signed in)", content: { 'text/plain': { schema: z.string() } } },
    ...errorResponses(...PUBLIC_ERRORS),
    403: html('`APP_ACCESS_DENIED`: signed in, not a member of the app’s organisation (or `FORBIDDEN` from the host check)'),
    404: html('`APP_NOT_FOUND`'),
  },
};

/**
 * `GET /auth/app?app=<id>&next=<path>`: the control-plane half of private apps. The app's host
 * never sees the control plane's cookie; it gets a code bound to itself that it trades for its own.
 */
export const appSignInRoutes: FastifyPluginAsyncZod<AppSignInDeps> = async (app, { signIn, sessions, appUrl }) => {
  app.get('/auth/app', { schema: appSignIn, config: { permission: 'public' } }, async (request, reply) => {
    const { app: appId } = request.query;
    const next = safeLocalPath(request.query.next);
    const target = isSessionId(appId) ? await sessions.get(appId) : null;
    if (!target) return sendSignInPage(reply, new SpawnError('APP_NOT_FOUND'), 'No app here');
    const session = await cookieSession(request, reply, signIn);
    if (!session) {
      const back = `/auth/app?${new URLSearchParams({ app: appId, next }).toString()}`;
      return reply.header('cache-control', 'no-store').redirect(`/auth/login?${new URLSearchParams({ returnTo: back }).toString()}`, 302);
    }
    // A session's owner id is its organisation's id.
    if ((await signIn.directory.roleOf(target.ownerId, session.userId)) === null) {
      return sendSignInPage(reply, new SpawnError('APP_ACCESS_DENIED'), 'This app is private');
    }
    const code = await signIn.appAccess.issueCode(appId, session);
    const to = new URL('/__spawn/auth', appUrl(appId));
    to.search = new URLSearchParams({ code, next }).toString();
    return reply.header('cache-control', 'no-store').redirect(to.href, 302);
  });
};
