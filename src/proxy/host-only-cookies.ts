import type { IncomingMessage } from 'node:http';

/**
 * Every app lives on its own host under one apps domain (`<id>.localhost`), and a cookie with a
 * `Domain` attribute would reach every sibling app. Dropping each `Domain` attribute makes the
 * cookie host-only. By hand, not http-proxy's `cookieDomainRewrite`: that rewrites only the first
 * attribute, and a browser honours the last one (`a=1; Domain=x; Domain=localhost`).
 * Cookies set from page scripts (`document.cookie`) never pass the proxy: see the README.
 */
export function stripCookieDomains(upstream: IncomingMessage): void {
  const cookies = upstream.headers['set-cookie'];
  if (!cookies) return;
  upstream.headers['set-cookie'] = cookies.map((cookie) => cookie.replace(/;\s*domain\s*=[^;]*/gi, ''));
}
