import type { FleetHostRecord, SessionLoad } from '../../store/index.ts';
import type { HostView, RegionInputs } from './decide.ts';

const PIPELINE_STATES = new Set(['provisioning', 'generating', 'deploying']);

/** Running apps that keep a sandbox on their host (static web apps are served from the store). */
export function holdsSandbox(s: SessionLoad): boolean {
  return s.state === 'running' && s.appType !== 'webapp';
}

/** Sessions that keep a host busy: a pipeline in progress on it, or an app whose sandbox lives there. */
export function hostLoad(host: FleetHostRecord, sessions: readonly SessionLoad[]): SessionLoad[] {
  if (!host.workerId) return [];
  return sessions.filter((s) => s.workerId === host.workerId && (PIPELINE_STATES.has(s.state) || holdsSandbox(s)));
}

/** A pipeline or app that names a worker of a lost host: it waits (re-driven or relocated) for another host. */
export function isOrphaned(s: SessionLoad, lostWorkers: ReadonlySet<string>): boolean {
  return !!s.workerId && lostWorkers.has(s.workerId) && (PIPELINE_STATES.has(s.state) || holdsSandbox(s));
}

/**
 * What decide() needs for one region, from the hosts and the sessions of the database. Work left
 * by a lost host counts as queued (it waits in the region's queue), not as load on a live host.
 */
export function regionInputs(region: string, defaultRegion: string, hosts: readonly FleetHostRecord[], sessions: readonly SessionLoad[], queuedTasks: number, idleSince: ReadonlyMap<string, Date>, now: Date, lostWorkers: ReadonlySet<string> = new Set()): RegionInputs {
  const all = sessions.filter((s) => (s.region ?? defaultRegion) === region);
  const orphaned = all.filter((s) => isOrphaned(s, lostWorkers));
  const mine = all.filter((s) => !isOrphaned(s, lostWorkers));
  const queued = [...mine.filter((s) => s.state === 'requested'), ...orphaned];
  const oldest = queued.reduce((min, s) => Math.min(min, s.createdAt.getTime()), now.getTime());
  const views: HostView[] = hosts
    .filter((h) => h.region === region && h.state !== 'destroyed')
    .map((h) => ({ id: h.id, state: h.state as HostView['state'], load: hostLoad(h, sessions).length, idleSince: idleSince.get(h.id) ?? null, createdAt: h.createdAt, room: h.capacity?.room ?? null }));
  return {
    region,
    // Tasks carry no region: they count toward the default region's hosts.
    queued: queued.length + (region === defaultRegion ? queuedTasks : 0),
    oldestQueuedSeconds: (now.getTime() - oldest) / 1000,
    inFlight: mine.filter((s) => PIPELINE_STATES.has(s.state)).length,
    liveSandboxes: mine.filter(holdsSandbox).length,
    hosts: views,
  };
}
