import type { ProxyTarget } from 'http-proxy-3';

/** Headers an API node adds when it reaches an app through its worker's gateway. */
export const GATEWAY_HEADERS = {
  secret: 'x-spawnai-cluster-secret',
  session: 'x-spawnai-session',
} as const;

/** Where a recorded sandbox endpoint is reached from the worker's own host. */
export function localTarget(endpoint: Record<string, unknown> | null | undefined): ProxyTarget | null {
  if (endpoint && typeof endpoint.socketPath === 'string') return { host: 'localhost', port: 80, socketPath: endpoint.socketPath };
  if (endpoint && typeof endpoint.host === 'string') return { host: endpoint.host, port: Number(endpoint.port) };
  return null;
}
