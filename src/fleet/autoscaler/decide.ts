import { regionRoom } from '../placement/intake.ts';

/**
 * The autoscaler's decision for one region, as a pure function of what it observed: the
 * simulation (bench/fleet-sim.ts) and the live loop call the same code.
 */
export interface HostView {
  id: string;
  state: 'creating' | 'joining' | 'active' | 'draining';
  /** Sessions it is running a pipeline for, plus apps whose sandbox lives on it. */
  load: number;
  /** When its load last was above zero (or it joined); null while not active. */
  idleSince: Date | null;
  createdAt: Date;
  /** Sessions it can still take, from its last heartbeat (undefined or null: no heartbeat yet). */
  room?: number | null;
}

export interface RegionInputs {
  region: string;
  /** Sessions (and tasks) waiting for a host. */
  queued: number;
  /** How long the oldest of them has waited. */
  oldestQueuedSeconds: number;
  /** Pipelines running now. */
  inFlight: number;
  /** Running apps that hold a sandbox (static web apps hold none). */
  liveSandboxes: number;
  hosts: HostView[];
}

export interface ScalePolicy {
  min: number;
  max: number;
  /** Sessions one host takes at once: from its tier's memory, the floor and the sandbox size. */
  slotsPerHost: number;
  scaleUpAfterSeconds: number;
  cooldownSeconds: number;
  hostMaxHours: number;
}

export type ScaleAction = { kind: 'none' } | { kind: 'create'; count: number } | { kind: 'drain'; hostIds: string[] };

export interface Decision {
  region: string;
  desired: number;
  current: number;
  action: ScaleAction;
  reason: string;
}

/** Sessions a host of `hostMemoryMb` takes: what is left above the floor, in sandbox-sized slots (at least 1). */
export function slotsPerHost(hostMemoryMb: number, floorMb: number, sandboxMemoryMb: number): number {
  return Math.max(1, Math.floor((hostMemoryMb - floorMb) / Math.max(1, sandboxMemoryMb)));
}

export function decide(inputs: RegionInputs, policy: ScalePolicy, now: Date): Decision {
  const demand = inputs.queued + inputs.inFlight + inputs.liveSandboxes;
  const counted = inputs.hosts.filter((h) => h.state !== 'draining');
  const current = counted.length;
  // What the hosts advertise wins over the tier arithmetic: work queued beyond their room needs
  // more hosts even when the sum says they should fit (a host smaller or busier than assumed).
  const shortfall = inputs.queued - regionRoom(counted, policy.slotsPerHost);
  const byRoom = shortfall > 0 ? current + Math.ceil(shortfall / policy.slotsPerHost) : 0;
  const desired = Math.min(policy.max, Math.max(policy.min, Math.ceil(demand / policy.slotsPerHost), byRoom));
  const base = { region: inputs.region, desired, current };
  // Hosts past their maximum age are retired first; the next decision replaces them if needed.
  const tooOld = counted.filter((h) => now.getTime() - h.createdAt.getTime() >= policy.hostMaxHours * 3_600_000 && h.state === 'active');
  if (tooOld.length > 0) return { ...base, action: { kind: 'drain', hostIds: tooOld.map((h) => h.id) }, reason: `${tooOld.length} host(s) reached SPAWN_FLEET_HOST_MAX_HOURS` };
  if (desired > current) {
    const belowMin = current < policy.min;
    const waitedEnough = inputs.queued > 0 && inputs.oldestQueuedSeconds >= policy.scaleUpAfterSeconds;
    if (belowMin || waitedEnough) return { ...base, action: { kind: 'create', count: desired - current }, reason: belowMin ? 'below SPAWN_FLEET_MIN' : `work waited ${Math.round(inputs.oldestQueuedSeconds)} s` };
    return { ...base, action: { kind: 'none' }, reason: `queued work is younger than ${policy.scaleUpAfterSeconds} s` };
  }
  if (desired < current) {
    const idle = counted
      .filter((h) => h.state === 'active' && h.load === 0 && h.idleSince && (now.getTime() - h.idleSince.getTime()) / 1000 >= policy.cooldownSeconds)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, current - desired);
    if (idle.length > 0) return { ...base, action: { kind: 'drain', hostIds: idle.map((h) => h.id) }, reason: `${idle.length} host(s) idle for ${policy.cooldownSeconds} s` };
    return { ...base, action: { kind: 'none' }, reason: 'surplus hosts are busy or within their cool-down' };
  }
  return { ...base, action: { kind: 'none' }, reason: 'at the desired size' };
}
