import type { CloudHost, HostStatus } from '../provider/cloud-provider.ts';

/** The parts of a DigitalOcean v2 droplet the driver reads (docs: /v2/droplets). */
export interface DoDroplet {
  id: number;
  name: string;
  status: HostStatus;
  created_at: string;
  size_slug: string;
  region: { slug: string };
  tags: string[];
  networks: { v4: { ip_address: string; type: 'public' | 'private' }[] };
}

export interface DoFirewall {
  id: string;
  name: string;
}

export function hostFromDroplet(d: DoDroplet): CloudHost {
  const v4 = d.networks?.v4 ?? [];
  return {
    id: String(d.id),
    name: d.name,
    region: d.region.slug,
    size: d.size_slug,
    status: d.status,
    tags: d.tags ?? [],
    createdAt: new Date(d.created_at),
    publicIpv4: v4.find((n) => n.type === 'public')?.ip_address ?? null,
    privateIpv4: v4.find((n) => n.type === 'private')?.ip_address ?? null,
  };
}
