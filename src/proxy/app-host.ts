import { isSessionId } from '../api-types.ts';

/**
 * Splits traffic by `Host`: null for the control plane; otherwise the label before the apps domain.
 * Every name under the apps domain belongs to the app space — `a.b.localhost` yields `a.b`, which
 * the proxy answers with a 404 page — so no Host trick ever reaches the control plane's routes.
 */
export function parseAppHost(hostHeader: string | undefined, appsDomain: string): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const suffix = '.' + appsDomain.toLowerCase();
  if (!host.endsWith(suffix)) return null;
  return host.slice(0, -suffix.length);
}

/** True when the label is shaped like a session id (others get a 404 without a database read). */
export function isAppLabel(label: string): boolean {
  return isSessionId(label);
}
