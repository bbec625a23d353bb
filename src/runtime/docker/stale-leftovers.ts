import { hostname } from 'node:os';
import type Docker from 'dockerode';
import { isStalePoolContainer, listManaged, removeContainer } from './container-ops.ts';
import type { HostFirewall } from './host-firewall.ts';

export interface SweptLeftovers {
  poolContainers: number;
  firewallRules: number;
}

/**
 * Removes what driver instances of this host that died without close() (a SIGKILLed worker) left
 * behind: their idle pool containers and their host firewall rules. Their *session* containers are
 * the reaper's business (it knows which sessions are live). Safe to run at any time because every
 * live instance guards both sandbox bridges itself from init() on, so dropping a dead instance's
 * copy of a guard never leaves a bridge open.
 */
export async function sweepStaleLeftovers(
  docker: Docker,
  firewall: HostFirewall,
  liveOwners: ReadonlySet<string>,
): Promise<SweptLeftovers> {
  const firewallRules = await firewall.removeStale();
  const stale = (await listManaged(docker)).filter((c) => isStalePoolContainer(c, hostname(), liveOwners));
  await Promise.all(stale.map((c) => removeContainer(docker, c.Id)));
  return { poolContainers: stale.length, firewallRules };
}
