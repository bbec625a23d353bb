import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import type { Sandbox, SandboxSpec } from '../sandbox-driver.ts';
import {
  API_TIMEOUT_MS,
  removeContainer,
  sessionContainerName,
  statusCode,
  waitUntilGone,
} from './container-ops.ts';
import {
  LABEL,
  POOL_NAME_PREFIX,
  buildContainerOptions,
  resourceLimits,
  type ContainerSpecInput,
} from './container-spec.ts';
import { SANDBOX_NETWORKS, containerAddress, ensureSandboxNetwork, type SandboxNetwork } from './docker-network.ts';
import { withTimeout } from './exec-streams.ts';
import type { HostFirewall } from './host-firewall.ts';
import { ensureRuntimeImage } from './runtime-image.ts';
import { sweepStaleLeftovers, type SweptLeftovers } from './stale-leftovers.ts';
import { WarmPool, type PoolShape } from './warm-pool.ts';

export interface SandboxState {
  container: Docker.Container;
  address: string;
  /** Nothing was written to /app yet, so writeFiles need not clear it. */
  fresh: boolean;
  serverExec?: Docker.Exec;
}

/** Driver instances alive in this process: their pool containers are not stale. */
const liveOwners = new Set<string>();

/** Container lifecycle for the docker driver: networks, warm pool, claim or cold start, lookup. */
export class SandboxContainers {
  readonly pool: WarmPool;
  readonly #states = new Map<string, SandboxState>();
  readonly #networks = new Map<string, Promise<void>>();
  #image = '';

  constructor(
    private readonly docker: Docker,
    private readonly logger: Logger,
    private readonly firewall: HostFirewall,
    private readonly owner: string,
    poolSize: number,
    private readonly installation: string,
  ) {
    this.pool = new WarmPool(
      poolSize,
      {
        start: (shape) => this.#startPoolContainer(shape),
        remove: (id) => removeContainer(docker, id).then(() => undefined),
      },
      logger,
    );
  }

  async init(image: string | undefined, tiers: readonly PoolShape[]): Promise<void> {
    await withTimeout(this.docker.ping(), API_TIMEOUT_MS, 'docker ping');
    this.#image = await ensureRuntimeImage(this.docker, this.logger, image);
    liveOwners.add(this.owner);
    // Both bridges are guarded by every live instance, so sweeping a dead one's rules is safe.
    await Promise.all(Object.values(SANDBOX_NETWORKS).map((network) => this.#prepareNetwork(network)));
    const swept = await this.sweepStale();
    this.logger.info(
      { image: this.#image, stalePoolContainers: swept.poolContainers, staleFirewallRules: swept.firewallRules },
      'docker driver ready',
    );
    for (const shape of tiers) void this.pool.refill(shape);
    await this.pool.idle();
  }

  async create(spec: SandboxSpec): Promise<Sandbox> {
    const network = SANDBOX_NETWORKS[spec.network];
    await this.#prepareNetwork(network);
    const shape: PoolShape = {
      tier: spec.tier,
      network: spec.network,
      memoryMb: spec.memoryMb,
      cpus: spec.cpus,
      pids: spec.pids,
    };
    const pooled = this.pool.take(shape);
    let id: string | undefined;
    if (pooled) {
      id = await this.#claim(pooled, spec, network).catch(async (err: unknown) => {
        this.logger.warn({ err, container: pooled }, 'claiming a pool container failed; cold-starting');
        await removeContainer(this.docker, pooled).catch(() => undefined);
        // It was already renamed after this session: the cold start needs that name back.
        await waitUntilGone(this.docker, pooled).catch(() => undefined);
        return undefined;
      });
    }
    id ??= await this.#coldStart(spec, network);
    void this.pool.refill(shape);
    return { id, sessionId: spec.sessionId, driver: 'docker' };
  }

  /** The sandbox's container and address; rebuilt from the Engine for sandboxes made elsewhere. */
  async state(id: string): Promise<SandboxState> {
    const known = this.#states.get(id);
    if (known) return known;
    const container = this.docker.getContainer(id);
    const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect').catch((err: unknown) => {
      throw statusCode(err) === 404
        ? new SpawnError('APP_UNAVAILABLE', `sandbox ${id} does not exist`, {
            cause: err,
          })
        : err;
    });
    if (info.Config.Labels[LABEL.managed] !== 'true')
      throw new SpawnError('APP_UNAVAILABLE', `container ${id} is not a SpawnAI sandbox`);
    const network =
      info.Config.Labels[LABEL.network] === 'outbound' ? SANDBOX_NETWORKS.outbound : SANDBOX_NETWORKS.none;
    const state: SandboxState = {
      container,
      address: containerAddress(info, network),
      fresh: false,
    };
    this.#states.set(id, state);
    return state;
  }

  /** Idle pool containers and firewall rules of dead instances on this host (see stale-leftovers). */
  sweepStale(): Promise<SweptLeftovers> {
    return sweepStaleLeftovers(this.docker, this.firewall, liveOwners);
  }

  forget(id: string): void {
    this.#states.delete(id);
  }

  async close(): Promise<void> {
    await this.pool.close();
    liveOwners.delete(this.owner);
    for (const network of Object.values(SANDBOX_NETWORKS)) {
      if (!this.#networks.has(network.name)) continue;
      const attached = await withTimeout(
        this.docker.listContainers({ all: true, filters: { network: [network.name] } }),
        API_TIMEOUT_MS,
        'docker list containers',
      );
      // Live sandboxes are never left without the host guard: with containers still on the
      // bridge and no other live guard, our rules stay until a later instance sweeps them as stale.
      if (attached.length === 0 || (await this.firewall.othersGuard(network.bridge))) {
        await this.firewall.removeOwn(network.bridge);
      } else {
        this.logger.warn({ network: network.name, sandboxes: attached.length }, 'keeping host firewall rules');
      }
    }
  }

  #prepareNetwork(network: SandboxNetwork): Promise<void> {
    let ready = this.#networks.get(network.name);
    if (!ready) {
      ready = ensureSandboxNetwork(this.docker, network).then(() =>
        this.firewall.guardBridge(network.bridge, !network.internal),
      );
      ready.catch(() => this.#networks.delete(network.name));
      this.#networks.set(network.name, ready);
    }
    return ready;
  }

  async #claim(id: string, spec: SandboxSpec, network: SandboxNetwork): Promise<string> {
    const container = this.docker.getContainer(id);
    const name = sessionContainerName(spec.sessionId);
    if (!name) throw new Error(`session id ${JSON.stringify(spec.sessionId)} cannot name a container`);
    await withTimeout(container.rename({ name }), API_TIMEOUT_MS, 'docker rename');
    const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect');
    if (!info.State.Running) throw new Error(`pool container ${id} is ${info.State.Status}`);
    const limits = resourceLimits(spec);
    if (
      info.HostConfig.Memory !== limits.Memory ||
      info.HostConfig.NanoCpus !== limits.NanoCpus ||
      info.HostConfig.PidsLimit !== limits.PidsLimit
    ) {
      await withTimeout(container.update(limits), API_TIMEOUT_MS, 'docker update');
    }
    this.#states.set(info.Id, {
      container,
      address: containerAddress(info, network),
      fresh: true,
    });
    return info.Id;
  }

  async #coldStart(spec: SandboxSpec, network: SandboxNetwork): Promise<string> {
    const input: ContainerSpecInput = {
      ...this.#baseInput(spec, network),
      name: sessionContainerName(spec.sessionId) ?? '',
      role: 'session',
      sessionId: spec.sessionId,
      expiresAt: spec.expiresAt,
      labels: spec.labels,
    };
    try {
      const id = await this.#startContainer(input, network);
      return id;
    } catch (err) {
      throw new SpawnError(
        'PROVISIONING_FAILED',
        `could not start a sandbox container for session ${spec.sessionId}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  async #startPoolContainer(shape: PoolShape): Promise<string> {
    const network = SANDBOX_NETWORKS[shape.network];
    const input = {
      ...this.#baseInput(shape, network),
      name: `${POOL_NAME_PREFIX}${randomUUID().slice(0, 12)}`,
      role: 'pool' as const,
      sessionId: '',
    };
    return this.#startContainer(input, network);
  }

  #baseInput(
    shape: PoolShape | SandboxSpec,
    network: SandboxNetwork,
  ): Omit<ContainerSpecInput, 'name' | 'role' | 'sessionId'> {
    const { tier, memoryMb, cpus, pids } = shape;
    return {
      image: this.#image,
      tier,
      memoryMb,
      cpus,
      pids,
      networkName: network.name,
      network: shape.network,
      owner: this.owner,
      installation: this.installation,
    };
  }

  async #startContainer(input: ContainerSpecInput, network: SandboxNetwork): Promise<string> {
    const options = buildContainerOptions(input);
    if (!input.name) delete options.name;
    const container = await withTimeout(this.docker.createContainer(options), API_TIMEOUT_MS, 'docker create');
    try {
      await withTimeout(container.start(), API_TIMEOUT_MS, 'docker start');
      const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect');
      if (input.role === 'session')
        this.#states.set(info.Id, {
          container,
          address: containerAddress(info, network),
          fresh: true,
        });
      return info.Id;
    } catch (err) {
      await removeContainer(this.docker, container.id).catch(() => undefined);
      throw err;
    }
  }
}
