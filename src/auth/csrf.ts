import { SpawnError } from '../errors/index.ts';
import { sameSecret } from './secrets.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfInput {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  token: string | undefined;
}

/**
 * A mutation authenticated by the session cookie must come from the control plane's own pages:
 * the browser's `Sec-Fetch-Site`/`Origin` say where it came from (an app on a sibling host is
 * `same-site`, not `same-origin`), and the synchronizer token (kept server-side with the session,
 * so a cookie planted by a sibling host cannot match it) says the page could read it.
 */
export function assertCsrfSafe(input: CsrfInput, expectedOrigin: string, sessionToken: string): void {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return;
  if (input.secFetchSite !== undefined && input.secFetchSite !== 'same-origin') throw new SpawnError('CSRF_REJECTED', `cross-site request refused (Sec-Fetch-Site: ${input.secFetchSite.slice(0, 40)})`);
  if (input.origin !== undefined && input.origin !== expectedOrigin) throw new SpawnError('CSRF_REJECTED', 'cross-origin request refused (Origin does not match the control plane)');
  if (input.origin === undefined && input.secFetchSite === undefined) throw new SpawnError('CSRF_REJECTED', 'the request carries neither Origin nor Sec-Fetch-Site');
  if (!input.token || !sameSecret(input.token, sessionToken)) throw new SpawnError('CSRF_REJECTED', 'the X-CSRF-Token header is missing or does not match the session');
}

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}
