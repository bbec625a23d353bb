import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import { safeLocalPath, type AppAccess } from '../auth/index.ts';
import type { SessionRecord } from '../store/index.ts';
import { sendAppPage } from './app-pages.ts';

export interface PrivateAppGateOptions {
  access: AppAccess;
  /** The user's role in the organisation, or null when not a member. */
  roleOf(orgId: string, userId: string): Promise<string | null>;
  /** The app's own cookie (host-only, per app). */
  cookieName: string;
  secure: boolean;
  /** Where visitors sign in (the control plane's origin); null when no identity provider is configured. */
  controlPlaneOrigin: string | null;
  /** Loopback single-user mode: there is one user, who may open every app. */
  singleUser: boolean;
}

/** The app host's end of the hand-off: `/__spawn/auth?code=…&next=…` (only on private apps). */
export const HANDOFF_PATH = '/__spawn/auth';

/**
 * Admits visitors to `visibility: org` apps. The proof is the app's own cookie, obtained by a
 * redirect through the control plane (which alone sees the user's cookie) and a single-use code
 * bound to this app. The cookie is removed before the request reaches the app: the app never holds
 * a credential it could replay.
 */
export class PrivateAppGate {
  readonly #options: PrivateAppGateOptions;

  constructor(options: PrivateAppGateOptions) {
    this.#options = options;
  }

  /** True: forward the request. False: the gate has answered (redirect, cookie hand-off or refusal). */
  async admit(session: SessionRecord, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (session.visibility !== 'org' || this.#options.singleUser) return true;
    const url = new URL(req.url ?? '/', 'http://app.invalid');
    if (url.pathname === HANDOFF_PATH) return this.#handOff(session, url, res);
    if (await this.#hasAccess(session, req)) return true;
    const origin = this.#options.controlPlaneOrigin;
    if (!origin) {
      sendAppPage(res, 403, 'This app is private', 'Private apps need sign-in, and this server has no identity provider configured.', { code: 'APP_ACCESS_DENIED' });
      return false;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendAppPage(res, 401, 'Sign-in needed', 'This app is private to its organisation: open it in the browser to sign in.', { code: 'AUTH_REQUIRED' });
      return false;
    }
    const to = new URL('/auth/app', origin);
    to.search = new URLSearchParams({ app: session.id, next: safeLocalPath(url.pathname + url.search) }).toString();
    res.writeHead(302, { location: to.href, 'cache-control': 'no-store' }).end();
    return false;
  }

  /** WebSockets carry the app's cookie like any request; without it the upgrade is refused. */
  async admitUpgrade(session: SessionRecord, req: IncomingMessage): Promise<boolean> {
    if (session.visibility !== 'org' || this.#options.singleUser) return true;
    return this.#hasAccess(session, req);
  }

  async #hasAccess(session: SessionRecord, req: IncomingMessage): Promise<boolean> {
    const cookies = fastifyCookie.parse(req.headers.cookie ?? '');
    const token = cookies[this.#options.cookieName];
    if (!token) return false;
    stripCookie(req, this.#options.cookieName);
    // Looked up on every request, not cached: a sign-out or a removed membership closes the app at once.
    const grant = await this.#options.access.check(session.id, token);
    return grant !== null && (await this.#options.roleOf(session.ownerId, grant.userId)) !== null;
  }

  async #handOff(session: SessionRecord, url: URL, res: ServerResponse): Promise<boolean> {
    const code = url.searchParams.get('code') ?? '';
    const exchanged = code ? await this.#options.access.exchange(session.id, code) : null;
    if (!exchanged) {
      sendAppPage(res, 403, 'This link has expired', 'Open the app again from its address to sign in.', { code: 'APP_ACCESS_DENIED' });
      return false;
    }
    const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${exchanged.maxAgeSeconds}`, ...(this.#options.secure ? ['Secure'] : [])];
    res.writeHead(302, {
      // No Domain attribute: host-only, so a sibling app never receives it.
      'set-cookie': `${this.#options.cookieName}=${exchanged.token}; ${attributes.join('; ')}`,
      location: safeLocalPath(url.searchParams.get('next')),
      'cache-control': 'no-store',
    });
    res.end();
    return false;
  }
}

function stripCookie(req: IncomingMessage, name: string): void {
  const kept = (req.headers.cookie ?? '').split(';').filter((part) => part.trim().split('=')[0] !== name);
  if (kept.length === 0) delete req.headers.cookie;
  else req.headers.cookie = kept.join(';').trim();
}
