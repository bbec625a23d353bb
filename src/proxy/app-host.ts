import { isSessionId } from '../api-types.ts';

/**
 * Extracts the session id from a `Host` header shaped `<id>.<appsDomain>[:port]`, or null when the
 * request is for the control plane (or for nothing we serve). Exactly one label before the apps
 * domain: `a.b.localhost` is never an app, so no Host trick reaches an internal name.
 */
export function parseAppHost(hostHeader: string | undefined, appsDomain: string): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const suffix = '.' + appsDomain.toLowerCase();
  if (!host.endsWith(suffix)) return null;
  const label = host.slice(0, -suffix.length);
  return label.includes('.') || label.length === 0 ? null : label;
}

/** True when the label is shaped like a session id (others get a 404 without a database read). */
export function isAppLabel(label: string): boolean {
  return isSessionId(label);
}
