import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppAccess,
  assertCsrfSafe,
  cookieNames,
  OidcClient,
  randomToken,
  WebSessions,
  type CookieNames,
  type InvitationAcceptor,
  type OidcClientOptions,
  type UserDirectory,
} from '../auth/index.ts';
import type { SpawnConfig } from '../config/index.ts';
import type { Store, WebSessionRecord } from '../store/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The browser session when the caller authenticated with the control plane's cookie. */
    webSession: WebSessionRecord | null;
  }
}

/** Everything cookie sign-in needs, built once per server. */
export interface SignIn {
  names: CookieNames;
  /** Null when no identity provider is configured (bearer tokens or single-user mode only). */
  oidc: OidcClient | null;
  sessions: WebSessions;
  appAccess: AppAccess;
  directory: UserDirectory;
  invitations: InvitationAcceptor | null;
  /** The control plane's origin (`SPAWN_PUBLIC_URL`), or null without one. */
  publicOrigin: string | null;
  config: Pick<SpawnConfig, 'webSession' | 'publicUrl'>;
  /** Where sign-ins and sign-outs are appended (the audit log); absent in route-only tests. */
  audit: SignInAudit | null;
}

/** The audit log's side the sign-in routes use: their routes are public, so no hook records them. */
export interface SignInAudit {
  record(event: { principal: { userId: string; orgId: string; via: 'cookie' }; orgId: string | null; action: string; target: string | null; result: 'ok'; ip: string; userAgent: string | null }): Promise<void>;
}

export interface SignInOptions {
  directory: UserDirectory;
  invitations?: InvitationAcceptor | null;
  audit?: SignInAudit | null;
  /** Passed to the OIDC client (tests tamper with the provider's answers through it). */
  oidcFetch?: OidcClientOptions['fetch'];
}

export function createSignIn(config: SpawnConfig, store: Pick<Store, 'auth'>, options: SignInOptions): SignIn {
  const publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : null;
  return {
    names: cookieNames(config.publicUrl),
    oidc: config.oidc && publicOrigin ? new OidcClient(config.oidc, { redirectUri: `${publicOrigin}/auth/callback`, ...(options.oidcFetch ? { fetch: options.oidcFetch } : {}) }) : null,
    sessions: new WebSessions(store.auth, config.webSession),
    appAccess: new AppAccess(store.auth),
    directory: options.directory,
    invitations: options.invitations ?? null,
    publicOrigin,
    config,
    audit: options.audit ?? null,
  };
}

/** Registers @fastify/cookie with the installation's signing key (one per database, shared by every node). */
export async function installCookies(app: FastifyInstance, store: Pick<Store, 'auth'>): Promise<void> {
  const secret = await store.auth.key('cookie-signing', randomToken);
  await app.register(fastifyCookie, { secret });
  app.decorateRequest('webSession', null);
}

/**
 * The caller's browser session from the control plane's cookie, or null (no cookie, or one that is
 * unknown, signed out, idle or too old: the caller then falls back to bearer/single-user rules).
 * A cookie-authenticated mutation must pass the CSRF check; a rotated value is sent back.
 */
export async function cookieSession(request: FastifyRequest, reply: FastifyReply, signIn: SignIn): Promise<WebSessionRecord | null> {
  const raw = request.cookies[signIn.names.session];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  const resolved = unsigned.valid && unsigned.value ? await signIn.sessions.resolve(unsigned.value) : null;
  if (!resolved) {
    clearSessionCookies(reply, signIn);
    return null;
  }
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  assertCsrfSafe({ method: request.method, origin: header('origin'), secFetchSite: header('sec-fetch-site'), token: header('x-csrf-token') }, signIn.publicOrigin ?? '', resolved.session.csrfToken);
  if (resolved.newToken) setSessionCookies(reply, signIn, resolved.newToken, resolved.session);
  return resolved.session;
}

export function setSessionCookies(reply: FastifyReply, signIn: SignIn, token: string, session: WebSessionRecord): void {
  const maxAge = Math.max(1, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
  // No Domain attribute: host-only, so neither an app host nor any other subdomain ever gets it.
  const base = { path: '/', secure: signIn.names.secure, sameSite: 'lax' as const, maxAge };
  void reply.setCookie(signIn.names.session, token, { ...base, httpOnly: true, signed: true });
  void reply.setCookie(signIn.names.csrf, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, signIn: SignIn): void {
  const base = { path: '/', secure: signIn.names.secure, sameSite: 'lax' as const };
  void reply.clearCookie(signIn.names.session, base);
  void reply.clearCookie(signIn.names.csrf, base);
}
