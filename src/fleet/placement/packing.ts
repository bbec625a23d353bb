import type { FleetHostRecord } from '../../store/index.ts';

/**
 * Packing by pull policy. Workers pull jobs from their region's BullMQ queue, so nothing can
 * "place" a job on the fullest host; instead each host decides whether to pull. A host holds back
 * (takes no new session) while a fuller host of its region advertises, in a fresh heartbeat, that
 * it can take one (room left, a free job slot). The fullest host that still has room therefore
 * takes the next session; the emptier hosts stay empty, go idle, and the autoscaler's scale-down
 * drains them (idle-first), so a region's apps end up on fewer hosts.
 *
 * "Fuller" is a strict total order (more sessions, then the smaller host id), so of two equal
 * hosts exactly one holds back and the fullest host never does. Holding back is bounded: a stale
 * heartbeat (older than FRESH_BEATS beats) never makes a host hold, and a host that has held while
 * work waited in its region's queue for `holdMs` takes work again (see PackingHold): a job never
 * waits for a fuller host that, for whatever reason, does not pull it.
 */
export const FRESH_BEATS = 3;

export interface PackingSelf {
  id: string;
  region: string;
  /** Sessions it runs now: pipelines plus apps holding a sandbox. */
  load: number;
}

/** The fuller host of the region that can take a session now, if any (from the hosts' last heartbeats). */
export function fullerHostWithRoom(self: PackingSelf, hosts: readonly FleetHostRecord[], maxConcurrency: number, now: Date, beatMs: number): FleetHostRecord | null {
  const fresh = now.getTime() - FRESH_BEATS * beatMs;
  const candidates = hosts.filter((h) => {
    const c = h.capacity;
    if (h.id === self.id || h.region !== self.region || h.state !== 'active' || !c || !h.heartbeatAt) return false;
    if (h.heartbeatAt.getTime() < fresh || c.room <= 0 || c.activeJobs >= maxConcurrency) return false;
    const load = c.sandboxes + c.activeJobs;
    return load > self.load || (load === self.load && h.id < self.id);
  });
  return candidates[0] ?? null;
}

/** The bound on holding back: how long work has waited in the queue while this host held. */
export class PackingHold {
  #waitingSince: number | null = null;

  constructor(private readonly holdMs: number) {}

  /**
   * Whether to hold back now, given a fuller host with room (or none) and the jobs waiting in the
   * region's queue. Holding stops once work has waited `holdMs` while this host held.
   */
  shouldHold(fuller: FleetHostRecord | null, waiting: number, nowMs: number): boolean {
    if (!fuller || waiting === 0) {
      this.#waitingSince = null;
      return fuller !== null;
    }
    this.#waitingSince ??= nowMs;
    return nowMs - this.#waitingSince < this.holdMs;
  }
}
