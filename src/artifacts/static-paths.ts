/**
 * How an app's static files are looked up from a request path: one rule for the app proxy (what
 * visitors get) and the verifier's stand-in server (what the browser check loads), so the check
 * sees exactly what a visitor would.
 */

/** The file path a request URL asks for, without leading slashes; null when it does not decode. */
export function requestedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://app').pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
}

/**
 * Files to try, in order: `/` is the index page; a path without a dot falls back to it
 * (client-side routes) unless the app only serves its result page.
 */
export function staticCandidates(requested: string, indexPage: string, resultPageOnly = false): string[] {
  if (requested === '') return [indexPage];
  if (resultPageOnly) return [];
  return [requested, ...(requested.includes('.') ? [] : [indexPage])];
}
