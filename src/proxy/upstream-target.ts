import type { ProxyTarget } from 'http-proxy-3';
import { localEndpoint, type RecordedEndpoint } from '../sandboxes/index.ts';

/** Headers an API node adds when it reaches an app through its worker's gateway. */
export const GATEWAY_HEADERS = {
  secret: 'x-spawnai-cluster-secret',
  session: 'x-spawnai-session',
} as const;

/** Where a recorded sandbox endpoint is reached from the worker's own host. */
export function localTarget(recorded: RecordedEndpoint | null): ProxyTarget | null {
  if (!recorded) return null;
  const endpoint = localEndpoint(recorded);
  return endpoint.kind === 'socket' ? { host: 'localhost', port: 80, socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port };
}
