import { describe, expect, it } from 'vitest';
import { decide, intakeFor, isOrphaned, regionInputs, regionRoom, roomFor, type HostView, type ScalePolicy } from '../../../src/fleet/index.ts';
import type { FleetHostRecord, SessionLoad } from '../../../src/store/index.ts';

const now = new Date('2026-12-07T12:00:00Z');
const ago = (s: number): Date => new Date(now.getTime() - s * 1000);
const policy: ScalePolicy = { min: 0, max: 10, slotsPerHost: 3, scaleUpAfterSeconds: 20, cooldownSeconds: 300, hostMaxHours: 24 };
const view = (id: string, patch: Partial<HostView> = {}): HostView => ({ id, state: 'active', load: 0, idleSince: ago(0), createdAt: ago(3600), ...patch });

describe('capacity-gated placement', () => {
  it('a host takes as many jobs as it runs plus its room, within its concurrency, and none when full', () => {
    expect(intakeFor({ activeJobs: 0, room: 0 }, 8)).toBe(0);
    expect(intakeFor({ activeJobs: 3, room: 0 }, 8)).toBe(0);
    expect(intakeFor({ activeJobs: 1, room: 2 }, 8)).toBe(3);
    expect(intakeFor({ activeJobs: 4, room: 6 }, 8)).toBe(8);
    expect(roomFor(3, 5)).toBe(0);
    expect(roomFor(3, 1)).toBe(2);
  });

  it('the region room is what active hosts advertised, a full host for those not beating yet, nothing for draining ones', () => {
    expect(regionRoom([view('a', { room: 0 }), view('b', { room: 1 }), view('c', { state: 'joining' }), view('d', { room: null }), view('e', { state: 'draining', room: 3 })], 3)).toBe(7);
  });

  it('scales up when queued work exceeds the room the hosts advertise, even when the tier arithmetic says it fits', () => {
    // 2 hosts × 3 slots hold 2 live apps + 3 queued by the arithmetic, but both advertise no room.
    const full = [view('a', { load: 1, room: 0 }), view('b', { load: 1, room: 0 })];
    const d = decide({ region: 'fra1', queued: 3, oldestQueuedSeconds: 30, inFlight: 0, liveSandboxes: 2, hosts: full }, policy, now);
    expect(d).toMatchObject({ current: 2, desired: 3, action: { kind: 'create', count: 1 } });
    // With room for them, nothing is created.
    const roomy = [view('a', { load: 1, room: 2 }), view('b', { load: 1, room: 2 })];
    expect(decide({ region: 'fra1', queued: 3, oldestQueuedSeconds: 30, inFlight: 0, liveSandboxes: 2, hosts: roomy }, policy, now).action).toEqual({ kind: 'none' });
    // Still within SPAWN_FLEET_MAX.
    expect(decide({ region: 'fra1', queued: 30, oldestQueuedSeconds: 30, inFlight: 0, liveSandboxes: 2, hosts: full }, { ...policy, max: 2 }, now).action).toEqual({ kind: 'none' });
  });
});

describe('work left by a lost host', () => {
  const session = (id: string, patch: Partial<SessionLoad>): SessionLoad => ({ id, region: 'fra1', state: 'running', appType: 'api', workerId: 'w-live', createdAt: ago(120), expiresAt: ago(-600), ...patch });
  const host = (id: string, workerId: string): FleetHostRecord => ({ id, providerId: '1', name: id, region: 'fra1', size: 's', state: 'active', workerId, hourlyUsd: 0, capacity: { freeMemoryMb: 1, sandboxes: 0, pool: 0, activeJobs: 0, room: 2 }, createdAt: ago(600), joinedAt: ago(500), heartbeatAt: ago(1), drainStartedAt: null, destroyedAt: null, reason: null });
  const lost = new Set(['w-dead']);

  it('its running apps and pipelines are orphaned; static apps and other workers’ sessions are not', () => {
    expect(isOrphaned(session('a', { workerId: 'w-dead' }), lost)).toBe(true);
    expect(isOrphaned(session('p', { workerId: 'w-dead', state: 'generating', appType: 'webapp' }), lost)).toBe(true);
    expect(isOrphaned(session('s', { workerId: 'w-dead', appType: 'webapp' }), lost)).toBe(false);
    expect(isOrphaned(session('o', {}), lost)).toBe(false);
  });

  it('counts as queued work (so a replacement is created), not as load on a live host', () => {
    const sessions = [session('a', { workerId: 'w-dead' }), session('p', { workerId: 'w-dead', state: 'deploying' }), session('live', {})];
    const inputs = regionInputs('fra1', 'fra1', [], sessions, 0, new Map(), now, lost);
    expect(inputs).toMatchObject({ queued: 2, inFlight: 0, liveSandboxes: 1 });
    expect(inputs.oldestQueuedSeconds).toBe(120);
    expect(decide(inputs, { ...policy, max: 1 }, now).action).toEqual({ kind: 'create', count: 1 });
    // The live host's room comes from its heartbeat.
    expect(regionInputs('fra1', 'fra1', [host('h', 'w-live')], sessions, 0, new Map(), now, lost).hosts[0]).toMatchObject({ load: 1, room: 2 });
  });
});
