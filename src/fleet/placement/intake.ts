import type { HostCapacity } from '../../store/index.ts';

/**
 * How many `session.run` jobs a host runs at once, from its last heartbeat: the pipelines it runs
 * now plus its room, within the worker's concurrency. 0 when it is full: it takes no new job, and
 * the burst waits in the region's queue, where the autoscaler counts it, for a host with room.
 * Between two heartbeats a host can overshoot by the jobs that finished meanwhile (each one a new
 * app in the slot its pipeline held), never by more.
 */
export function intakeFor(capacity: Pick<HostCapacity, 'activeJobs' | 'room'>, maxConcurrency: number): number {
  if (capacity.room <= 0) return 0;
  return Math.max(1, Math.min(maxConcurrency, capacity.activeJobs + capacity.room));
}

/** What is left on a host of `slots` sessions that runs `load` of them (pipelines and apps). */
export function roomFor(slots: number, load: number): number {
  return Math.max(0, slots - load);
}

/**
 * Sessions the region's hosts can still take: the room each active host advertised, and a full
 * host's worth for those not heartbeating yet (creating, joining, or joined without a beat).
 */
export function regionRoom(hosts: readonly { state: string; room?: number | null | undefined }[], slotsPerHost: number): number {
  return hosts.filter((h) => h.state !== 'draining').reduce((sum, h) => sum + (h.state === 'active' && typeof h.room === 'number' ? h.room : slotsPerHost), 0);
}

/**
 * Sandboxes that still fit in a host's free memory above the floor. A host that cannot fit one
 * more sandbox takes no job even with free slots: its memory went to something the slot count
 * does not see (a big app, the pool, the system). Jobs are pulled blind (BullMQ), before their tier
 * is known, so `sandboxMb` is the largest sandbox a job can ask for (largestSandboxMb).
 */
export function memoryRoom(freeMemoryMb: number, floorMb: number, sandboxMb: number): number {
  return Math.max(0, Math.floor((freeMemoryMb - floorMb) / Math.max(1, sandboxMb)));
}

/** The largest sandbox any tier gets: a tier's memory, capped by SPAWN_SANDBOX_MEMORY_MB (sandboxShape). */
export function largestSandboxMb(tiers: Readonly<Record<string, { readonly memoryMb: number }>>, sandboxMemoryMb: number): number {
  const largestTier = Math.max(0, ...Object.values(tiers).map((t) => t.memoryMb));
  return Math.min(largestTier || sandboxMemoryMb, sandboxMemoryMb);
}
