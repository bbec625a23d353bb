import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Store } from '../../store/index.ts';
import type { CloudProvider } from '../provider/cloud-provider.ts';
import { redeemJoinToken } from './join-tokens.ts';

/** Settings of the API node a worker must share; node-local ones (ports, data dir, fleet, join) are not sent. */
const SHARED = /^(SPAWN_(?!HOST$|PORT$|DATA_DIR$|PUBLIC_URL$|FLEET_|JOIN_|GATEWAY_|REGION$)[A-Z0-9_]+|ANTHROPIC_API_KEY|OPENAI_API_KEY|OPENAI_BASE_URL|GOOGLE_GENERATIVE_AI_API_KEY)$/;

/**
 * `POST /api/fleet/join`: a new host presents the single-use token its user data carried and gets
 * the worker's configuration (database, Redis, cluster secret, models) over HTTPS. Only then does
 * it hold any secret: the droplet's user data, readable from its metadata service, holds none.
 */
export async function exchangeJoinToken(d: { store: Store; config: SpawnConfig; provider: CloudProvider | null; env: Record<string, string | undefined> }, token: string, now = new Date()): Promise<Record<string, string>> {
  const hostId = await redeemJoinToken(d.store, token, now);
  const host = await d.store.fleet.transitionHost(hostId, ['creating', 'joining'], 'active', { joinedAt: now });
  if (!host) throw new SpawnError('JOIN_TOKEN_INVALID', 'the host this token was issued for is no longer waiting to join');
  const { config } = d;
  const cloud = host.providerId && d.provider ? await d.provider.getHost(host.providerId) : null;
  const address = cloud?.privateIpv4 ?? cloud?.publicIpv4 ?? '127.0.0.1';
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.env)) if (v !== undefined && SHARED.test(k)) env[k] = v;
  Object.assign(env, {
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
    ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
    ...(config.clusterSecret ? { SPAWN_CLUSTER_SECRET: config.clusterSecret } : {}),
    SPAWN_REDIS_NAMESPACE: config.redisNamespace,
    SPAWN_REGIONS: config.regions.served.join(','),
    SPAWN_DEFAULT_REGION: config.regions.default,
    SPAWN_REGION: host.region,
    SPAWN_FLEET_HOST_ID: host.id,
    SPAWN_GATEWAY_HOST: '0.0.0.0',
    SPAWN_GATEWAY_PORT: String(config.fleet.gatewayPort),
    SPAWN_GATEWAY_URL: `http://${address}:${config.fleet.gatewayPort}`,
  });
  return env;
}
