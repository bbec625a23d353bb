/**
 * What the fleet asks of a cloud: hosts created from user data and tags, listed by tag, fetched,
 * destroyed; a cloud firewall; optionally a DNS record. DigitalOcean implements it today; a second
 * provider (Hetzner, AWS) implements the same interface and runs the same contract suite
 * (test/integration/fleet/provider-suite.ts). Contracts carry no provider type.
 */
export interface HostSpec {
  /** Unique per request: the provider's idempotency key (a retried create finds it by name). */
  name: string;
  region: string;
  /** Provider size slug, e.g. `s-1vcpu-1gb`. */
  size: string;
  image: string;
  /** cloud-init user data; it carries a join token, never a database URL or secret. */
  userData: string;
  tags: readonly string[];
  sshKeyIds?: readonly string[];
}

export type HostStatus = 'new' | 'active' | 'off' | 'archive';

export interface CloudHost {
  id: string;
  name: string;
  region: string;
  size: string;
  status: HostStatus;
  tags: string[];
  createdAt: Date;
  publicIpv4: string | null;
  privateIpv4: string | null;
}

export interface FirewallSpec {
  name: string;
  /** Hosts carrying this tag get the firewall. */
  targetTag: string;
  /** The one inbound port (the worker's app gateway), open only to hosts carrying `sourceTags`. */
  gatewayPort: number;
  sourceTags: readonly string[];
  /** SSH (22) sources; empty keeps SSH closed. */
  sshSources: readonly string[];
}

export interface CloudProvider {
  readonly name: string;
  readonly capabilities: { readonly dns: boolean };
  /**
   * Creates a host. Idempotent by `spec.name`: when a retry follows a failed or unanswered
   * create, the provider first looks the name up among hosts tagged `spec.tags[0]`, so one
   * request never makes two hosts.
   */
  createHost(spec: HostSpec, signal?: AbortSignal): Promise<CloudHost>;
  /** Every host carrying `tag`, across all pages. */
  listHosts(tag: string, signal?: AbortSignal): Promise<CloudHost[]>;
  getHost(id: string, signal?: AbortSignal): Promise<CloudHost | null>;
  /** `false` when the host was already gone. */
  destroyHost(id: string, signal?: AbortSignal): Promise<boolean>;
  /** Creates the firewall, or returns the existing one of that name. */
  ensureFirewall(spec: FirewallSpec, signal?: AbortSignal): Promise<{ id: string }>;
  /** Only when `capabilities.dns`: an A record `name.domain → ipv4`. */
  upsertDnsRecord?(domain: string, name: string, ipv4: string, signal?: AbortSignal): Promise<void>;
}
