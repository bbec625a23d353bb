import { describe, expect, it } from 'vitest';
import { fullerHostWithRoom, largestSandboxMb, memoryRoom, PackingHold } from '../../../src/fleet/index.ts';
import type { FleetHostRecord, HostCapacity } from '../../../src/store/index.ts';

const now = new Date('2026-12-07T12:00:00Z');
const BEAT = 5_000;
const host = (id: string, capacity: Partial<HostCapacity>, patch: Partial<FleetHostRecord> = {}): FleetHostRecord => ({
  id, providerId: '1', name: id, region: 'fra1', size: 's-2vcpu-4gb', state: 'active', workerId: `w-${id}`, hourlyUsd: 0, createdAt: now, joinedAt: now,
  heartbeatAt: now, drainStartedAt: null, destroyedAt: null, reason: null,
  capacity: { freeMemoryMb: 4000, sandboxes: 0, pool: 0, activeJobs: 0, room: 3, ...capacity }, ...patch,
}) as FleetHostRecord;

describe('free memory gates intake', () => {
  it('counts the sandboxes that fit above the floor, none when one more does not', () => {
    expect(memoryRoom(768 + 1023, 768, 1024)).toBe(0);
    expect(memoryRoom(768 + 1024, 768, 1024)).toBe(1);
    expect(memoryRoom(500, 768, 1024)).toBe(0);
    expect(memoryRoom(768 + 3 * 512, 768, 512)).toBe(3);
  });

  it('sizes a slot by the largest sandbox a tier gets, capped by SPAWN_SANDBOX_MEMORY_MB', () => {
    const tiers = { small: { memoryMb: 512 }, big: { memoryMb: 4096 } };
    expect(largestSandboxMb(tiers, 1024)).toBe(1024);
    expect(largestSandboxMb({ small: { memoryMb: 512 } }, 1024)).toBe(512);
  });
});

describe('packing by pull policy', () => {
  it('an emptier host holds back for a fuller one with room; the fullest host never does', () => {
    const full = host('b', { sandboxes: 2, room: 1 });
    expect(fullerHostWithRoom({ id: 'a', region: 'fra1', load: 0 }, [full], 8, now, BEAT)?.id).toBe('b');
    expect(fullerHostWithRoom({ id: 'b', region: 'fra1', load: 2 }, [full, host('a', {})], 8, now, BEAT)).toBeNull();
  });

  it('of two equal hosts exactly one holds back (the larger id)', () => {
    expect(fullerHostWithRoom({ id: 'a', region: 'fra1', load: 1 }, [host('b', { sandboxes: 1 })], 8, now, BEAT)).toBeNull();
    expect(fullerHostWithRoom({ id: 'b', region: 'fra1', load: 1 }, [host('a', { sandboxes: 1 })], 8, now, BEAT)?.id).toBe('a');
  });

  it('never holds back for a host that cannot take a session: full, busy, stale, draining or in another region', () => {
    const self = { id: 'z', region: 'fra1', load: 0 };
    expect(fullerHostWithRoom(self, [host('a', { sandboxes: 3, room: 0 })], 8, now, BEAT)).toBeNull();
    expect(fullerHostWithRoom(self, [host('a', { activeJobs: 8, room: 2 })], 8, now, BEAT)).toBeNull();
    expect(fullerHostWithRoom(self, [host('a', { sandboxes: 1 }, { heartbeatAt: new Date(now.getTime() - 3 * BEAT - 1) })], 8, now, BEAT)).toBeNull();
    expect(fullerHostWithRoom(self, [host('a', { sandboxes: 1 }, { state: 'draining' })], 8, now, BEAT)).toBeNull();
    expect(fullerHostWithRoom(self, [host('a', { sandboxes: 1 }, { region: 'nyc1' })], 8, now, BEAT)).toBeNull();
  });

  it('holding back is bounded: once work has waited holdMs while holding, the host takes it', () => {
    const hold = new PackingHold(10_000);
    const fuller = host('b', { sandboxes: 1 });
    expect(hold.shouldHold(null, 5, 0)).toBe(false);
    expect(hold.shouldHold(fuller, 0, 0)).toBe(true);
    expect(hold.shouldHold(fuller, 2, 1_000)).toBe(true);
    expect(hold.shouldHold(fuller, 2, 10_999)).toBe(true);
    expect(hold.shouldHold(fuller, 2, 11_000)).toBe(false);
    // The queue emptied (the fuller host or this one took the work): holding starts over.
    expect(hold.shouldHold(fuller, 0, 12_000)).toBe(true);
    expect(hold.shouldHold(fuller, 1, 13_000)).toBe(true);
  });
});
