import type { CloudHost, CloudProvider, FirewallSpec, HostSpec } from './cloud-provider.ts';

/**
 * An in-memory cloud: the reference implementation of the contract, used by the simulation and by
 * unit tests of the autoscaler. Hosts are `active` at once.
 */
export class MemoryProvider implements CloudProvider {
  readonly name = 'memory';
  readonly capabilities = { dns: false };
  readonly #hosts = new Map<string, CloudHost>();
  readonly #firewalls = new Map<string, { id: string; spec: FirewallSpec }>();
  #nextId = 1;

  async createHost(spec: HostSpec): Promise<CloudHost> {
    const existing = [...this.#hosts.values()].find((h) => h.name === spec.name);
    if (existing) return { ...existing };
    const host: CloudHost = {
      id: String(this.#nextId++),
      name: spec.name,
      region: spec.region,
      size: spec.size,
      status: 'active',
      tags: [...spec.tags],
      createdAt: new Date(),
      publicIpv4: null,
      privateIpv4: null,
    };
    this.#hosts.set(host.id, host);
    return { ...host };
  }

  async listHosts(tag: string): Promise<CloudHost[]> {
    return [...this.#hosts.values()].filter((h) => h.tags.includes(tag)).map((h) => ({ ...h }));
  }

  async getHost(id: string): Promise<CloudHost | null> {
    const host = this.#hosts.get(id);
    return host ? { ...host } : null;
  }

  async destroyHost(id: string): Promise<boolean> {
    return this.#hosts.delete(id);
  }

  async ensureFirewall(spec: FirewallSpec): Promise<{ id: string }> {
    const existing = this.#firewalls.get(spec.name);
    if (existing) return { id: existing.id };
    const id = `fw-${this.#firewalls.size + 1}`;
    this.#firewalls.set(spec.name, { id, spec });
    return { id };
  }
}
