import type { Platform } from '../orchestrator/index.ts';
import { Autoscaler } from './autoscaler/autoscaler.ts';
import { DigitalOceanProvider } from './digitalocean/do-provider.ts';
import { LocalLease, RedisLease } from './leader/leader-lease.ts';
import type { CloudProvider } from './provider/cloud-provider.ts';

/** The lease lapses this long after its holder stops renewing (renewed every pass). */
const LEASE_TTL_MS = 10_000;

/** The one place a cloud provider is chosen from the configuration (null: no fleet). */
export function createCloudProvider(platform: Pick<Platform, 'config'>): CloudProvider | null {
  const p = platform.config.fleet.provider;
  if (!p) return null;
  return new DigitalOceanProvider({ token: p.token, baseUrl: p.apiUrl });
}

/**
 * Starts the autoscaler on an API node when a cloud is configured. Every API node runs one; the
 * Redis lease (or, embedded, the only process) makes exactly one of them act.
 */
export function startFleet(platform: Platform, provider: CloudProvider): Autoscaler {
  const { config, store, logger } = platform;
  if (!config.databaseUrl || !config.redisUrl) logger.warn('the fleet needs DATABASE_URL and REDIS_URL so that its hosts share work with this node');
  const ttl = LEASE_TTL_MS;
  const lease = config.redisUrl ? new RedisLease(config.redisUrl, `spawnai:${config.redisNamespace}:fleet-leader`, platform.workerId, ttl) : new LocalLease();
  const autoscaler = new Autoscaler({
    store,
    provider,
    lease,
    config,
    logger: logger.child({ component: 'fleet' }),
    holder: platform.workerId,
    failSession: (id, error) => platform.lifecycle.fail(id, error),
    queue: platform.queue,
  });
  autoscaler.start();
  // Renewed (or taken, when its holder died) every third of its life, between the passes.
  const renew = setInterval(() => void lease.acquire().catch((err: unknown) => logger.warn({ err }, 'fleet lease renewal failed')), ttl / 3);
  renew.unref();
  autoscaler.onStop(() => clearInterval(renew));
  return autoscaler;
}
