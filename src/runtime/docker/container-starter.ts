import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { SpawnError } from '../../errors/index.ts';
import type { SandboxSpec } from '../sandbox-driver.ts';
import { API_TIMEOUT_MS, removeContainer, sessionContainerName } from './container-ops.ts';
import { POOL_NAME_PREFIX, buildContainerOptions, resourceLimits, type ContainerSpecInput } from './container-spec.ts';
import { SANDBOX_NETWORKS, containerAddress, type SandboxNetwork } from './docker-network.ts';
import { withTimeout } from './exec-streams.ts';
import type { PoolShape } from './warm-pool.ts';

export interface SandboxState {
  container: Docker.Container;
  address: string;
  /** Nothing was written to /app yet, so writeFiles need not clear it. */
  fresh: boolean;
  serverExec?: Docker.Exec;
}

export interface StartedSandbox {
  id: string;
  state: SandboxState;
}

/** Makes sandbox containers three ways: an idle pool container, a claim of one, a cold start. */
export class ContainerStarter {
  /** Set once the runtime image is known (driver init). */
  image = '';

  constructor(
    private readonly docker: Docker,
    private readonly owner: string,
    private readonly installation: string,
  ) {}

  /** Turns an idle pool container into this session's: its name, then the spec's limits. */
  async claim(id: string, spec: SandboxSpec, network: SandboxNetwork): Promise<StartedSandbox> {
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
    return { id: info.Id, state: { container, address: containerAddress(info, network), fresh: true } };
  }

  async coldStart(spec: SandboxSpec, network: SandboxNetwork): Promise<StartedSandbox> {
    const input: ContainerSpecInput = {
      ...this.#baseInput(spec, network),
      name: sessionContainerName(spec.sessionId) ?? '',
      role: 'session',
      sessionId: spec.sessionId,
      expiresAt: spec.expiresAt,
      labels: spec.labels,
      readOnlyMounts: spec.readOnlyMounts,
    };
    try {
      return await this.#start(input, network);
    } catch (err) {
      throw new SpawnError(
        'PROVISIONING_FAILED',
        `could not start a sandbox container for session ${spec.sessionId}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  async startPoolContainer(shape: PoolShape): Promise<string> {
    const network = SANDBOX_NETWORKS[shape.network];
    const input = {
      ...this.#baseInput(shape, network),
      name: `${POOL_NAME_PREFIX}${randomUUID().slice(0, 12)}`,
      role: 'pool' as const,
      sessionId: '',
    };
    return (await this.#start(input, network)).id;
  }

  #baseInput(shape: PoolShape | SandboxSpec, network: SandboxNetwork): Omit<ContainerSpecInput, 'name' | 'role' | 'sessionId'> {
    const { tier, memoryMb, cpus, pids } = shape;
    return {
      image: this.image,
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

  async #start(input: ContainerSpecInput, network: SandboxNetwork): Promise<StartedSandbox> {
    const options = buildContainerOptions(input);
    if (!input.name) delete options.name;
    const container = await withTimeout(this.docker.createContainer(options), API_TIMEOUT_MS, 'docker create');
    try {
      await withTimeout(container.start(), API_TIMEOUT_MS, 'docker start');
      const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect');
      return { id: info.Id, state: { container, address: containerAddress(info, network), fresh: true } };
    } catch (err) {
      await removeContainer(this.docker, container.id).catch(() => undefined);
      throw err;
    }
  }
}
