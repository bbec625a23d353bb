import type { SpawnConfig } from '../config/index.ts';
import type { Store } from '../store/index.ts';

export interface FleetView {
  enabled: boolean;
  provider: string | null;
  regions: string[];
  defaultRegion: string;
  leader: string | null;
  hosts: {
    id: string;
    name: string;
    region: string;
    size: string;
    state: string;
    dropletId: string | null;
    createdAt: string;
    joinedAt: string | null;
    destroyedAt: string | null;
    reason: string | null;
    capacity: Record<string, number> | null;
    hours: number;
    costUsd: number;
    billedUsd: number;
  }[];
  cost: { byRegion: Record<string, { hostHours: number; costUsd: number; billedUsd: number }>; total: { hostHours: number; costUsd: number; billedUsd: number } };
  decisions: { at: string; region: string; leader: string; desired: number; action: string; inputs: Record<string, unknown> }[];
}

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** `GET /api/fleet`: hosts (live and past), their cost at the tier price beside what their sessions were billed, and the recent decisions. */
export async function fleetView(store: Store, config: SpawnConfig, now = new Date(), decisionLimit = 50): Promise<FleetView> {
  const hosts = await store.fleet.listHosts({ includeDestroyed: true });
  const billed = await store.fleet.billedByWorkers(hosts.map((h) => h.workerId).filter((w): w is string => !!w));
  const decisions = await store.fleet.listDecisions(decisionLimit);
  const byRegion: FleetView['cost']['byRegion'] = {};
  const total = { hostHours: 0, costUsd: 0, billedUsd: 0 };
  const views = hosts.map((h) => {
    const hours = ((h.destroyedAt ?? now).getTime() - h.createdAt.getTime()) / 3_600_000;
    const costUsd = hours * h.hourlyUsd;
    const billedUsd = h.workerId ? (billed[h.workerId] ?? 0) : 0;
    const r = (byRegion[h.region] ??= { hostHours: 0, costUsd: 0, billedUsd: 0 });
    for (const acc of [r, total]) {
      acc.hostHours += hours;
      acc.costUsd += costUsd;
      acc.billedUsd += billedUsd;
    }
    return {
      id: h.id,
      name: h.name,
      region: h.region,
      size: h.size,
      state: h.state,
      dropletId: h.providerId,
      createdAt: h.createdAt.toISOString(),
      joinedAt: h.joinedAt?.toISOString() ?? null,
      destroyedAt: h.destroyedAt?.toISOString() ?? null,
      reason: h.reason,
      capacity: h.capacity ? { ...h.capacity } : null,
      hours: round(hours),
      costUsd: round(costUsd),
      billedUsd: round(billedUsd),
    };
  });
  const fix = (a: { hostHours: number; costUsd: number; billedUsd: number }) => ({ hostHours: round(a.hostHours), costUsd: round(a.costUsd), billedUsd: round(a.billedUsd) });
  return {
    enabled: config.fleet.provider !== null,
    provider: config.fleet.provider?.name ?? null,
    regions: [...config.regions.served],
    defaultRegion: config.regions.default,
    leader: decisions[0]?.leader ?? null,
    hosts: views,
    cost: { byRegion: Object.fromEntries(Object.entries(byRegion).map(([k, v]) => [k, fix(v)])), total: fix(total) },
    decisions: decisions.map((d) => ({ at: d.at.toISOString(), region: d.region, leader: d.leader, desired: d.desired, action: d.action, inputs: d.inputs })),
  };
}
