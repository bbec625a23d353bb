import type Docker from 'dockerode';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import { poolable } from '../pool-options.ts';
import type { Sandbox, SandboxSpec } from '../sandbox-driver.ts';
import { API_TIMEOUT_MS, removeContainer, statusCode, waitUntilGone } from './container-ops.ts';
import { LABEL } from './container-spec.ts';
import { ContainerStarter, type SandboxState, type StartedSandbox } from './container-starter.ts';
import { SANDBOX_NETWORKS, containerAddress, ensureSandboxNetwork, type SandboxNetwork } from './docker-network.ts';
import { withTimeout } from './exec-streams.ts';
import type { HostFirewall } from './host-firewall.ts';
import { warnIfIoUringAllowed } from './engine-checks.ts';
import { ensureRuntimeImage } from './runtime-image.ts';
import { StartGate } from './start-gate.ts';
import { sweepStaleLeftovers, type SweptLeftovers } from './stale-leftovers.ts';
import type { PoolOptions } from '../pool-options.ts';
import { WarmPool, type PoolShape } from './warm-pool.ts';

export type { SandboxState };

/** Driver instances alive in this process: their pool containers are not stale. */
const liveOwners = new Set<string>();

/** Container lifecycle for the docker driver: networks, warm pool, claim or cold start, lookup. */
export class SandboxContainers {
  readonly pool: WarmPool<string>;
  /** Caps the container starts running at once on this node; sessions before pool refills. */
  readonly gate: StartGate;
  readonly #states = new Map<string, SandboxState>();
  readonly #networks = new Map<string, Promise<void>>();
  readonly #starter: ContainerStarter;

  constructor(
    private readonly docker: Docker,
    private readonly logger: Logger,
    private readonly firewall: HostFirewall,
    private readonly owner: string,
    pool: PoolOptions,
    installation: string,
    coldStartLimit?: number,
    launcher = false,
  ) {
    this.gate = new StartGate({ limit: coldStartLimit });
    this.#starter = new ContainerStarter(docker, owner, installation, this.gate, launcher);
    this.pool = new WarmPool<string>(
      { min: pool.size, max: pool.max ?? pool.size, minFreeMemoryMb: pool.minFreeMemoryMb ?? 0 },
      {
        start: (shape) => this.#starter.startPoolContainer(shape),
        remove: (id) => {
          this.#starter.forget(id);
          return removeContainer(docker, id).then(() => undefined);
        },
      },
      logger,
    );
  }

  async init(image: string | undefined, tiers: readonly PoolShape[]): Promise<void> {
    await withTimeout(this.docker.ping(), API_TIMEOUT_MS, 'docker ping');
    await warnIfIoUringAllowed(this.docker, this.logger);
    this.#starter.image = await ensureRuntimeImage(this.docker, this.logger, image);
    liveOwners.add(this.owner);
    // Both bridges are guarded by every live instance, so sweeping a dead one's rules is safe.
    await Promise.all(Object.values(SANDBOX_NETWORKS).map((network) => this.#prepareNetwork(network)));
    const swept = await this.sweepStale();
    this.logger.info(
      { image: this.#starter.image, stalePoolContainers: swept.poolContainers, staleFirewallRules: swept.firewallRules },
      'docker driver ready',
    );
    for (const shape of tiers) this.pool.refill(shape);
    await this.pool.idle();
  }

  async create(spec: SandboxSpec): Promise<Sandbox> {
    const network = SANDBOX_NETWORKS[spec.network];
    await this.#prepareNetwork(network);
    // Refills wait while this session's app starts (settled by waitReady, destroy or a timer).
    const settled = this.gate.sessionStarting();
    try {
      const started = await this.#claimOrStart(spec, network);
      this.#states.set(started.id, { ...started.state, settled });
      return { id: started.id, sessionId: spec.sessionId, driver: 'docker' };
    } catch (err) {
      settled();
      throw err;
    }
  }

  async #claimOrStart(spec: SandboxSpec, network: SandboxNetwork): Promise<StartedSandbox> {
    const shape: PoolShape = {
      tier: spec.tier,
      network: spec.network,
      memoryMb: spec.memoryMb,
      cpus: spec.cpus,
      pids: spec.pids,
    };
    // Pool containers were created without the spec's extra mounts: such a spec starts its own.
    const pooled = poolable(spec) ? this.pool.take(shape) : undefined;
    let started: StartedSandbox | undefined;
    if (pooled) {
      started = await this.#starter.claim(pooled, spec, network).catch(async (err: unknown) => {
        this.logger.warn({ err, container: pooled }, 'claiming a pool container failed; cold-starting');
        await removeContainer(this.docker, pooled).catch(() => undefined);
        // It was already renamed after this session: the cold start needs that name back.
        await waitUntilGone(this.docker, pooled).catch(() => undefined);
        return undefined;
      });
    }
    return started ?? (await this.#starter.coldStart(spec, network));
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
    this.#states.get(id)?.settled?.();
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
}
