import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallbackQuerySchema, errorResponses, LoginQuerySchema, LogoutViewSchema, PUBLIC_ERRORS } from '../../api-schemas/index.ts';
import { assertIdentityAllowed, safeLocalPath, type LoginTransaction } from '../../auth/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { clearSessionCookies, cookieSession, setSessionCookies, type SignIn } from '../sign-in.ts';
import { isPageError, sendSignInPage } from '../sign-in-pages.ts';

const tags = ['sign-in'];
const LOGIN_COOKIE_SECONDS = 600;
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const redirect = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });

const login = {
  tags,
  summary: 'Sign in: redirects to the identity provider (authorization code + PKCE)',
  security: [],
  querystring: LoginQuerySchema,
  response: { 302: redirect("to the provider's authorization endpoint"), ...errorResponses(...PUBLIC_ERRORS, 'SIGN_IN_NOT_CONFIGURED', 'SIGN_IN_UNAVAILABLE') },
};
const callback = {
  tags,
  summary: 'Where the provider sends the browser back; sets the session cookie',
  security: [],
  querystring: CallbackQuerySchema,
  response: {
    303: redirect('signed in: to `returnTo`'),
    ...errorResponses(...PUBLIC_ERRORS),
    // Refusals are pages for a person (code in `X-SpawnAI-Error`), not JSON.
    400: html('`SIGN_IN_FAILED` (forged state, wrong nonce, bad or expired code, ID token not from the issuer)'),
    403: html('`SIGN_IN_NOT_ALLOWED` (or `FORBIDDEN` from the host check)'),
    404: html('`SIGN_IN_NOT_CONFIGURED` or `INVITATION_INVALID`'),
    503: html('`SIGN_IN_UNAVAILABLE`'),
  },
};
const logout = {
  tags,
  summary: "Sign out: ends the session everywhere, and says where to end the provider's session",
  security: [],
  response: { 200: LogoutViewSchema, ...errorResponses(...PUBLIC_ERRORS, 'CSRF_REJECTED') },
};

function encodeTransaction(t: LoginTransaction): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeTransaction(value: string | null): LoginTransaction | null {
  if (!value) return null;
  try {
    const t = JSON.parse(Buffer.from(value, 'base64url').toString()) as Partial<LoginTransaction>;
    return typeof t.state === 'string' && typeof t.nonce === 'string' && typeof t.codeVerifier === 'string' ? { returnTo: '/', ...t } as LoginTransaction : null;
  } catch {
    return null;
  }
}

/** `GET /auth/login`, `GET /auth/callback`, `POST /auth/logout`: the browser's side of OpenID Connect. */
export const authRoutes: FastifyPluginAsyncZod<SignIn> = async (app, signIn) => {
  // Read at request time: the OpenAPI test registers the plugins with empty deps.
  const cookieBase = () => ({ path: '/', secure: signIn.names.secure, sameSite: 'lax' as const, httpOnly: true });

  app.get('/auth/login', { schema: login, config: { permission: 'public' } }, async (request, reply) => {
    if (!signIn.oidc) throw new SpawnError('SIGN_IN_NOT_CONFIGURED');
    const { url, transaction } = await signIn.oidc.begin(safeLocalPath(request.query.returnTo), request.query.invitation);
    // SameSite=Lax still travels on the provider's top-level redirect back to /auth/callback.
    void reply.setCookie(signIn.names.login, encodeTransaction(transaction), { ...cookieBase(), signed: true, maxAge: LOGIN_COOKIE_SECONDS });
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });

  app.get('/auth/callback', { schema: callback, config: { permission: 'public' } }, async (request, reply) => {
    try {
      if (!signIn.oidc || !signIn.publicOrigin) throw new SpawnError('SIGN_IN_NOT_CONFIGURED');
      const raw = request.cookies[signIn.names.login];
      void reply.clearCookie(signIn.names.login, cookieBase());
      const unsigned = raw ? request.unsignCookie(raw) : null;
      const transaction = decodeTransaction(unsigned?.valid ? unsigned.value : null);
      if (!transaction) throw new SpawnError('SIGN_IN_FAILED', 'this sign-in was not started in this browser, or took longer than 10 minutes: start again');
      const signedIn = await signIn.oidc.complete(new URL(request.url, signIn.publicOrigin), transaction);
      assertIdentityAllowed(signedIn.identity, signIn.oidc.settings);
      const user = await signIn.directory.findOrCreateFromOidc(signedIn.identity);
      const invited = transaction.invitation && signIn.invitations ? await signIn.invitations.accept(transaction.invitation, user.id) : null;
      const orgs = await signIn.directory.memberships(user.id);
      const { token, session } = await signIn.sessions.create(user.id, invited?.orgId ?? orgs[0]?.id ?? null, signedIn.idToken);
      setSessionCookies(reply, signIn, token, session);
      await recordSignIn(signIn, request, 'auth.sign-in', user.id, session.currentOrgId);
      return reply.header('cache-control', 'no-store').redirect(safeLocalPath(transaction.returnTo), 303);
    } catch (err) {
      if (isPageError(err)) return sendSignInPage(reply, err, 'Sign-in did not work');
      throw err;
    }
  });

  app.post('/auth/logout', { schema: logout, config: { permission: 'public' } }, async (request, reply) => {
    const session = signIn.oidc || request.cookies[signIn.names.session] ? await cookieSession(request, reply, signIn) : null;
    clearSessionCookies(reply, signIn);
    if (!session) return { redirectTo: '/' };
    await signIn.sessions.revoke(session.id);
    await recordSignIn(signIn, request, 'auth.sign-out', session.userId, session.currentOrgId);
    const end = signIn.oidc && signIn.publicOrigin ? await signIn.oidc.endSessionUrl(session.idToken, `${signIn.publicOrigin}/`) : null;
    return { redirectTo: end ?? '/' };
  });
};

/** Sign-in and sign-out in the audit log of the organisation the browser session acts in (the personal one by default). */
async function recordSignIn(signIn: SignIn, request: FastifyRequest, action: string, userId: string, orgId: string | null): Promise<void> {
  const org = orgId ?? userId;
  await signIn.audit?.record({ principal: { userId, orgId: org, via: 'cookie' }, orgId: org, action, target: userId, result: 'ok', ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
}
