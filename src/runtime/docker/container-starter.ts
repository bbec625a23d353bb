import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { SpawnError } from '../../errors/index.ts';
import { newLauncherToken, type LaunchOutcome, type LauncherHandle } from '../launcher/launcher-client.ts';
import type { SandboxSpec } from '../sandbox-driver.ts';
import { API_TIMEOUT_MS, removeContainer, sessionContainerName } from './container-ops.ts';
import { LAUNCHER_CONTROL_PORT, POOL_NAME_PREFIX, buildContainerOptions, resourceLimits, type ContainerSpecInput } from './container-spec.ts';
import { SANDBOX_NETWORKS, containerAddress, type SandboxNetwork } from './docker-network.ts';
import { withTimeout } from './exec-streams.ts';
import { attachLauncher } from './launcher-handover.ts';
import type { StartGate, StartPriority } from './start-gate.ts';
import type { PoolShape } from './warm-pool.ts';

export interface SandboxState {
  container: Docker.Container;
  address: string;
  /** Nothing was written to /app yet, so writeFiles need not clear it. */
  fresh: boolean;
  serverExec?: Docker.Exec;
  /** Its app launcher, until it has been told to start the app (then the exec path serves restarts). */
  launcher?: LauncherHandle;
  /** The launcher started the app: the container's main process is the app's. */
  launched?: boolean;
  outcome?: Promise<LaunchOutcome>;
  /** Lets pool refills go again (the gate's sessionStarting): called once the app answered or failed. */
  settled?: () => void;
}

export interface StartedSandbox {
  id: string;
  state: SandboxState;
}

/** Makes sandbox containers three ways: an idle pool container, a claim of one, a cold start. */
export class ContainerStarter {
  /** Set once the runtime image is known (driver init). */
  image = '';
  /** Launcher tokens of the idle pool containers this instance made. */
  readonly #tokens = new Map<string, string>();

  constructor(
    private readonly docker: Docker,
    private readonly owner: string,
    private readonly installation: string,
    private readonly gate: StartGate,
    /** Run the app launcher as the main process (see DockerDriverOptions.launcher). */
    private readonly launcher: boolean,
  ) {}

  /** Turns an idle pool container into this session's: its name, then the spec's limits. */
  async claim(id: string, spec: SandboxSpec, network: SandboxNetwork): Promise<StartedSandbox> {
    const container = this.docker.getContainer(id);
    const name = sessionContainerName(spec.sessionId);
    if (!name) throw new Error(`session id ${JSON.stringify(spec.sessionId)} cannot name a container`);
    await withTimeout(container.rename({ name }), API_TIMEOUT_MS, 'docker rename');
    const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect');
    if (!info.State.Running) throw new Error(`pool container ${id} is ${info.State.Status}`);
    const token = this.#tokens.get(id);
    this.#tokens.delete(id);
    const limits = resourceLimits(spec);
    if (
      info.HostConfig.Memory !== limits.Memory ||
      info.HostConfig.NanoCpus !== limits.NanoCpus ||
      info.HostConfig.PidsLimit !== limits.PidsLimit
    ) {
      await withTimeout(container.update(limits), API_TIMEOUT_MS, 'docker update');
    }
    const address = containerAddress(info, network);
    return { id: info.Id, state: { container, address, fresh: true, ...(token ? { launcher: launcherAt(address, token) } : {}) } };
  }

  async coldStart(spec: SandboxSpec, network: SandboxNetwork): Promise<StartedSandbox> {
    const input: ContainerSpecInput = {
      ...this.#baseInput(spec, network),
      name: sessionContainerName(spec.sessionId) ?? '',
      role: 'session',
      sessionId: spec.sessionId,
      expiresAt: spec.expiresAt,
      labels: spec.labels,
      launcher: this.launcher,
      readOnlyMounts: spec.readOnlyMounts,
    };
    try {
      return await this.#start(input, network, 'session');
    } catch (err) {
      throw new SpawnError(
        'PROVISIONING_FAILED',
        `could not start a sandbox container for session ${spec.sessionId}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  /** An idle container whose launcher listens already (Node started): a claim pays none of it. */
  async startPoolContainer(shape: PoolShape): Promise<string> {
    const network = SANDBOX_NETWORKS[shape.network];
    const input = {
      ...this.#baseInput(shape, network),
      name: `${POOL_NAME_PREFIX}${randomUUID().slice(0, 12)}`,
      role: 'pool' as const,
      sessionId: '',
      launcher: this.launcher,
    };
    const started = await this.#start(input, network, 'pool');
    if (started.state.launcher) this.#tokens.set(started.id, started.state.launcher.token);
    return started.id;
  }

  /** Forgets the token of a pool container removed unclaimed. */
  forget(id: string): void {
    this.#tokens.delete(id);
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

  /** Creates and starts a container once the gate allows; a launcher's is handed its token and awaited. */
  #start(input: ContainerSpecInput, network: SandboxNetwork, priority: StartPriority): Promise<StartedSandbox> {
    return this.gate.run(priority, async () => {
      const options = buildContainerOptions(input);
      if (!input.name) delete options.name;
      const container = await withTimeout(this.docker.createContainer(options), API_TIMEOUT_MS, 'docker create');
      const handover = input.launcher ? await attachLauncher(this.docker, container).catch(async (err: unknown) => {
        await removeContainer(this.docker, container.id).catch(() => undefined);
        throw err;
      }) : undefined;
      try {
        await withTimeout(container.start(), API_TIMEOUT_MS, 'docker start');
        const token = handover ? newLauncherToken() : undefined;
        if (handover && token) {
          handover.send(token);
          await withTimeout(handover.listening, LAUNCHER_LISTEN_MS, "the sandbox's app launcher");
        }
        const info = await withTimeout(container.inspect(), API_TIMEOUT_MS, 'docker inspect');
        const address = containerAddress(info, network);
        return { id: info.Id, state: { container, address, fresh: true, ...(token ? { launcher: launcherAt(address, token) } : {}) } };
      } catch (err) {
        await removeContainer(this.docker, container.id).catch(() => undefined);
        throw err;
      } finally {
        handover?.close();
      }
    });
  }
}

/** A launcher's Node start (its preloads, the HTTP warm-up) on a loaded host. */
const LAUNCHER_LISTEN_MS = 30_000;
function launcherAt(address: string, token: string): LauncherHandle {
  return { token, control: { host: address, port: LAUNCHER_CONTROL_PORT } };
}
