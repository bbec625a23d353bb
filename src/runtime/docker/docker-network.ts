import type Docker from 'dockerode';
import { LABEL } from './container-spec.ts';

export interface SandboxNetwork {
  name: string;
  /** Host interface of the bridge, named by us so firewall rules can match it. */
  bridge: string;
  internal: boolean;
}

/**
 * `none`: an internal bridge (no route off the host) for apps that need no network.
 * `outbound`: a routed bridge; the host firewall still blocks private and link-local ranges.
 * Both disable inter-container traffic, so sandboxes cannot reach each other.
 */
export const SANDBOX_NETWORKS: Record<'none' | 'outbound', SandboxNetwork> = {
  none: { name: 'spawnai-sandboxes', bridge: 'spawnai-br0', internal: true },
  outbound: {
    name: 'spawnai-sandboxes-out',
    bridge: 'spawnai-br1',
    internal: false,
  },
};

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number }).statusCode;
}

/** Creates the network unless it exists (a concurrent creator may win the race: that is fine). */
export async function ensureSandboxNetwork(docker: Docker, network: SandboxNetwork): Promise<void> {
  try {
    await docker.getNetwork(network.name).inspect();
    return;
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
  try {
    await docker.createNetwork({
      Name: network.name,
      Driver: 'bridge',
      CheckDuplicate: true,
      Internal: network.internal,
      Labels: { [LABEL.managed]: 'true' },
      Options: {
        'com.docker.network.bridge.name': network.bridge,
        'com.docker.network.bridge.enable_icc': 'false',
      },
    });
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
  }
}

/** The container's address on its sandbox network: what the proxy connects to. */
export function containerAddress(info: Docker.ContainerInspectInfo, network: SandboxNetwork): string {
  const address = info.NetworkSettings.Networks[network.name]?.IPAddress;
  if (!address) throw new Error(`container ${info.Id.slice(0, 12)} has no address on ${network.name}`);
  return address;
}
