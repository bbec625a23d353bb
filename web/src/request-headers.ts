/**
 * Headers every API call of the web UI carries besides its body's: the CSRF token of a cookie
 * session (the server refuses a cookie-authenticated mutation without it) and, for callers without
 * a cookie session (loopback single-user mode, a token), the organisation to act in — a cookie
 * session keeps its current organisation on the server instead (`PUT /api/me/org`).
 */
let csrfToken: string | null = null;
const ORG_KEY = 'spawnai.org';

/** The readable half of the sign-in cookies (`__Host-` prefixed under HTTPS). */
function csrfCookie(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'spawn_csrf' || name === '__Host-spawn_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The organisation a caller without a cookie session chose (null: its personal one). */
export function orgOverride(): string | null {
  return localStorage.getItem(ORG_KEY);
}

export function setOrgOverride(orgId: string | null): void {
  if (orgId) localStorage.setItem(ORG_KEY, orgId);
  else localStorage.removeItem(ORG_KEY);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function extraHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const org = orgOverride();
  if (org) headers['x-spawn-org'] = org;
  // The cookie may have been rotated since /api/me answered: it is the fresher of the two.
  const csrf = csrfCookie() ?? csrfToken;
  if (!SAFE_METHODS.has(method.toUpperCase()) && csrf) headers['x-csrf-token'] = csrf;
  return headers;
}
