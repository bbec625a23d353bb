import { randomBytes } from 'node:crypto';
import type { FleetConfig, SpawnConfig } from '../../config/index.ts';
import type { Logger } from '../../log/index.ts';
import type { FleetHostRecord, Store } from '../../store/index.ts';
import { issueJoinToken } from '../joining/join-tokens.ts';
import { workerUserData } from '../joining/user-data.ts';
import type { CloudProvider } from '../provider/cloud-provider.ts';

/** The tags of an installation: every droplet it makes carries `install` (what the reaper lists). */
export function fleetTags(namespace: string): { install: string; worker: string; api: string } {
  return { install: `spawnai-${namespace}`, worker: `spawnai-${namespace}-worker`, api: `spawnai-${namespace}-api` };
}

export interface HostActionsDeps {
  store: Store;
  provider: CloudProvider;
  config: SpawnConfig;
  logger: Logger;
}

/** Creating and destroying one host, with the database row always written first. */
export class HostActions {
  constructor(private readonly d: HostActionsDeps) {}

  get #fleet(): FleetConfig {
    return this.d.config.fleet;
  }

  /**
   * The row is recorded (`creating`) before the cloud is asked, so the reaper never takes a
   * droplet of ours for a stranger; the create is idempotent by the row's name.
   */
  async create(region: string, now = new Date()): Promise<FleetHostRecord> {
    const { store, config } = this.d;
    const id = randomBytes(6).toString('hex');
    const name = `spawnai-${config.redisNamespace}-${region}-${id}`;
    const hourlyUsd = config.pricing.tiers[this.#fleet.size]?.hourlyUsd ?? 0;
    const host = await store.fleet.createHost({ id, providerId: null, name, region, size: this.#fleet.size, state: 'creating', hourlyUsd, createdAt: now });
    return this.provision(host, now);
  }

  /**
   * Asks the cloud for the host's droplet; called again for a row left `creating` by a failed
   * attempt (the cloud kept answering 429/5xx): same name, so never a second droplet.
   */
  async provision(host: FleetHostRecord, now = new Date()): Promise<FleetHostRecord> {
    const { store, provider, config } = this.d;
    const { id, name, region } = host;
    const token = await issueJoinToken(store, id, new Date(now.getTime() + this.#fleet.joinTimeoutSeconds * 1000));
    const joinUrl = this.#fleet.joinUrl ?? `http://127.0.0.1:${config.port}`;
    const tags = fleetTags(config.redisNamespace);
    const cloud = await provider.createHost({
      name,
      region,
      size: this.#fleet.size,
      image: this.#fleet.image,
      userData: workerUserData({ joinUrl, joinToken: token, region, hostId: id, installCommand: this.#fleet.installCommand, gatewayPort: this.#fleet.gatewayPort }),
      tags: [tags.install, tags.worker],
    });
    const joining = await store.fleet.transitionHost(id, ['creating'], 'joining', { providerId: cloud.id });
    this.d.logger.info({ hostId: id, dropletId: cloud.id, region }, 'fleet host created');
    return joining ?? host;
  }

  /** Destroys the droplet (when there is one) and marks the row destroyed with the reason. */
  async destroy(host: FleetHostRecord, reason: string, now = new Date()): Promise<void> {
    const { store, provider } = this.d;
    let providerId = host.providerId;
    if (!providerId) {
      // A create whose answer was lost: find the droplet by its unique name.
      const found = (await provider.listHosts(fleetTags(this.d.config.redisNamespace).install)).find((h) => h.name === host.name);
      providerId = found?.id ?? null;
    }
    if (providerId) await provider.destroyHost(providerId);
    await store.fleet.transitionHost(host.id, ['creating', 'joining', 'active', 'draining'], 'destroyed', { destroyedAt: now, reason, ...(providerId ? { providerId } : {}) });
    this.d.logger.info({ hostId: host.id, dropletId: providerId, reason }, 'fleet host destroyed');
  }
}
