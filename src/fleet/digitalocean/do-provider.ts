import type { CloudHost, CloudProvider, FirewallSpec, HostSpec } from '../provider/cloud-provider.ts';
import { DoClient, DoApiError, type DoClientOptions } from './do-client.ts';
import { hostFromDroplet, type DoDroplet, type DoFirewall } from './do-shapes.ts';

/**
 * DigitalOcean (API v2, `DIGITALOCEAN_TOKEN`). Creation is idempotent by name (DigitalOcean itself
 * accepts duplicate names): the create call is sent once per attempt without the client's own
 * retries, and before every attempt the droplets of the request's first tag are listed, so a create that DigitalOcean performed but
 * never answered (timeout, 5xx, 429) is found instead of repeated.
 */
export class DigitalOceanProvider implements CloudProvider {
  readonly name = 'digitalocean';
  readonly capabilities = { dns: true };
  readonly #api: DoClient;
  readonly #attempts: number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: DoClientOptions) {
    this.#api = new DoClient(options);
    this.#attempts = options.maxAttempts ?? 6;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async createHost(spec: HostSpec, signal?: AbortSignal): Promise<CloudHost> {
    const tag = spec.tags[0];
    if (!tag) throw new Error('createHost needs at least one tag (the installation tag)');
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.#attempts; attempt++) {
      // Also before the first attempt: a caller retrying a whole createHost gets the same host.
      const found = (await this.listHosts(tag, signal)).find((h) => h.name === spec.name);
      if (found) return found;
      try {
        const created = await this.#api.request<{ droplet: DoDroplet }>(
          'POST',
          '/v2/droplets',
          { name: spec.name, region: spec.region, size: spec.size, image: spec.image, user_data: spec.userData, tags: spec.tags, ssh_keys: spec.sshKeyIds ?? [], monitoring: true },
          { retry: false, ...(signal ? { signal } : {}) },
        );
        return hostFromDroplet(created!.droplet);
      } catch (err) {
        // 4xx other than 429 is final (422: bad size/region/image, DigitalOcean's message kept).
        // (429 and 5xx come back wrapped as FLEET_PROVIDER_UNAVAILABLE and are retried below.)
        if (err instanceof DoApiError) throw err;
        if (signal?.aborted) throw err;
        lastError = err;
        await this.#sleep(Math.min(250 * 2 ** attempt, 10_000));
      }
    }
    throw lastError;
  }

  async listHosts(tag: string, signal?: AbortSignal): Promise<CloudHost[]> {
    const droplets = await this.#api.all<DoDroplet>(`/v2/droplets?tag_name=${encodeURIComponent(tag)}`, 'droplets', signal);
    return droplets.map(hostFromDroplet);
  }

  async getHost(id: string, signal?: AbortSignal): Promise<CloudHost | null> {
    const res = await this.#api.request<{ droplet: DoDroplet }>('GET', `/v2/droplets/${encodeURIComponent(id)}`, undefined, { allow404: true, ...(signal ? { signal } : {}) });
    return res ? hostFromDroplet(res.droplet) : null;
  }

  async destroyHost(id: string, signal?: AbortSignal): Promise<boolean> {
    if (!(await this.getHost(id, signal))) return false;
    await this.#api.request('DELETE', `/v2/droplets/${encodeURIComponent(id)}`, undefined, { allow404: true, ...(signal ? { signal } : {}) });
    return true;
  }

  async ensureFirewall(spec: FirewallSpec, signal?: AbortSignal): Promise<{ id: string }> {
    const existing = (await this.#api.all<DoFirewall>('/v2/firewalls', 'firewalls', signal)).find((f) => f.name === spec.name);
    if (existing) return { id: existing.id };
    await this.#api.request('POST', '/v2/tags', { name: spec.targetTag }, signal ? { signal } : {});
    const inbound = [{ protocol: 'tcp', ports: String(spec.gatewayPort), sources: { tags: spec.sourceTags } }];
    if (spec.sshSources.length > 0) inbound.push({ protocol: 'tcp', ports: '22', sources: { addresses: spec.sshSources } as never });
    const all = { addresses: ['0.0.0.0/0', '::/0'] };
    const res = await this.#api.request<{ firewall: DoFirewall }>(
      'POST',
      '/v2/firewalls',
      {
        name: spec.name,
        inbound_rules: inbound,
        outbound_rules: [
          { protocol: 'tcp', ports: 'all', destinations: all },
          { protocol: 'udp', ports: 'all', destinations: all },
          { protocol: 'icmp', destinations: all },
        ],
        tags: [spec.targetTag],
      },
      signal ? { signal } : {},
    );
    return { id: res!.firewall.id };
  }

  async upsertDnsRecord(domain: string, name: string, ipv4: string, signal?: AbortSignal): Promise<void> {
    const records = await this.#api.all<{ id: number; type: string; name: string }>(`/v2/domains/${encodeURIComponent(domain)}/records?type=A&name=${encodeURIComponent(`${name}.${domain}`)}`, 'domain_records', signal);
    const existing = records.find((r) => r.type === 'A' && r.name === name);
    const body = { type: 'A', name, data: ipv4, ttl: 60 };
    if (existing) await this.#api.request('PUT', `/v2/domains/${encodeURIComponent(domain)}/records/${existing.id}`, body, signal ? { signal } : {});
    else await this.#api.request('POST', `/v2/domains/${encodeURIComponent(domain)}/records`, body, signal ? { signal } : {});
  }
}
