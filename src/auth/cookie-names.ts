/**
 * Cookie names and attributes. Under HTTPS the names carry the `__Host-` prefix: the browser then
 * refuses any such cookie with a `Domain` attribute or without `Secure` and `Path=/`, so a sibling
 * host (an app under the same registrable domain) cannot plant or shadow one on the control plane.
 */
export interface CookieNames {
  secure: boolean;
  /** The control plane's session (httpOnly, signed). */
  session: string;
  /** The CSRF token, readable by the web UI's scripts (they echo it in `X-CSRF-Token`). */
  csrf: string;
  /** The sign-in transaction between /auth/login and /auth/callback (httpOnly, signed, 10 minutes). */
  login: string;
  /** A private app's own cookie, set on that app's host only. */
  app: string;
}

export function cookieNames(publicUrl: string | undefined): CookieNames {
  const secure = publicUrl?.startsWith('https://') ?? false;
  const prefix = secure ? '__Host-' : '';
  return { secure, session: `${prefix}spawn_session`, csrf: `${prefix}spawn_csrf`, login: `${prefix}spawn_login`, app: `${prefix}spawn_app` };
}

/** A path on this origin only: `/x` yes; `//evil.example`, `/\evil`, `https://…` no. */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\r\n]/.test(value)) return fallback;
  return value.slice(0, 2000);
}
