import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import Docker from 'dockerode';
import { LABEL, installationId, sessionOf } from '../../../src/runtime/docker/index.ts';
import { isProcessAlive } from '../../../src/runtime/index.ts';
import { duplicates, type LeftoverScope, type SandboxLeftovers } from './sandbox-leftovers.ts';

const GUARD_CHAINS = ['INPUT', 'DOCKER-USER'];

function iptables(args: string[]): string {
  return execFileSync('iptables', ['-w', '5', ...args], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Docker runtime: each sandbox is a container labelled with this data directory's installation
 * id and its session (a claimed pool container carries the session in its name); each worker
 * guards the sandbox bridges with iptables rules commented `spawnai-guard:<host>:<pid>:<id>`.
 * Containers survive a SIGKILLed worker, so here the platform's reaper has real work to do.
 */
export class DockerLeftovers implements SandboxLeftovers {
  readonly #docker = new Docker();
  readonly #installation: string;

  constructor(private readonly scope: LeftoverScope) {
    this.#installation = installationId(scope.dataDir);
  }

  remember(): void {
    // Containers are found by label at any time: nothing to note.
  }

  async #containers(): Promise<Docker.ContainerInfo[]> {
    return this.#docker.listContainers({ all: true, filters: { label: [`${LABEL.installation}=${this.#installation}`] } });
  }

  /** `iptables -S` lines of guard rules whose owner is a node of this cluster that is dead. */
  #deadNodesRules(): string[] {
    const dead = this.scope.nodePids().filter((pid) => !isProcessAlive(pid));
    const prefixes = dead.map((pid) => `spawnai-guard:${hostname()}:${pid}:`);
    return GUARD_CHAINS.flatMap((chain) => iptables(['-S', chain]).split('\n')).filter((line) => prefixes.some((p) => line.includes(p)));
  }

  async orphans(isLive: (sessionId: string) => boolean): Promise<string[]> {
    const found: string[] = [];
    const owners: [string, string][] = [];
    for (const c of await this.#containers()) {
      const session = sessionOf(c.Labels, c.Names);
      const name = `${c.Names[0] ?? c.Id.slice(0, 12)} (${c.State})`;
      if (session) {
        owners.push([name, session]);
        if (!isLive(session)) found.push(`container ${name} of session ${session}, which is not live`);
        continue;
      }
      const ownerPid = Number((c.Labels[LABEL.owner] ?? '').split(':')[1]);
      if (!isProcessAlive(ownerPid)) found.push(`idle pool container ${name} of dead node pid ${ownerPid}`);
    }
    found.push(...this.#deadNodesRules().map((rule) => `firewall rule of a dead node: ${rule}`));
    return [...found, ...duplicates(owners, isLive)];
  }

  async remaining(): Promise<string[]> {
    // Idle pool containers of live workers belong to no session: they are not leftovers.
    return this.orphans(() => false);
  }

  async cleanup(): Promise<void> {
    for (const c of await this.#containers()) await this.#docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined);
    for (const rule of this.#deadNodesRules()) {
      // `-S` prints `-A CHAIN args…` with the (space-free) comment quoted: drop the quotes.
      const args = rule.trim().split(/\s+/).slice(1).map((a) => a.replace(/^"(.*)"$/, '$1'));
      try {
        iptables(['-D', ...args]);
      } catch {
        // a worker's start-up or reaper sweep removed it first
      }
    }
  }
}
