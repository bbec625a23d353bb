import { describe, expect, it } from 'vitest';
import { decide, slotsPerHost, type HostView, type RegionInputs, type ScalePolicy } from '../../../src/fleet/index.ts';

const now = new Date('2026-12-07T12:00:00Z');
const ago = (s: number): Date => new Date(now.getTime() - s * 1000);
const policy: ScalePolicy = { min: 0, max: 4, slotsPerHost: 3, scaleUpAfterSeconds: 20, cooldownSeconds: 300, hostMaxHours: 24 };
const host = (id: string, patch: Partial<HostView> = {}): HostView => ({ id, state: 'active', load: 0, idleSince: ago(0), createdAt: ago(3600), ...patch });
const inputs = (patch: Partial<RegionInputs>): RegionInputs => ({ region: 'fra1', queued: 0, oldestQueuedSeconds: 0, inFlight: 0, liveSandboxes: 0, hosts: [], ...patch });

describe('autoscaler decision', () => {
  it('slots come from the tier memory above the floor', () => {
    expect(slotsPerHost(4096, 768, 1024)).toBe(3);
    expect(slotsPerHost(512, 768, 1024)).toBe(1);
  });

  it('waits until queued work is older than SPAWN_FLEET_SCALE_UP_AFTER_SECONDS, then creates enough hosts', () => {
    expect(decide(inputs({ queued: 7, oldestQueuedSeconds: 5 }), policy, now).action).toEqual({ kind: 'none' });
    const d = decide(inputs({ queued: 7, oldestQueuedSeconds: 25 }), policy, now);
    expect(d).toMatchObject({ desired: 3, current: 0, action: { kind: 'create', count: 3 } });
  });

  it('counts hosts still booting, so a second tick does not create them again', () => {
    const d = decide(inputs({ queued: 7, oldestQueuedSeconds: 60, hosts: [host('a', { state: 'creating' }), host('b', { state: 'joining' }), host('c')] }), policy, now);
    expect(d.action).toEqual({ kind: 'none' });
  });

  it('stays within SPAWN_FLEET_MAX and keeps SPAWN_FLEET_MIN', () => {
    expect(decide(inputs({ queued: 100, oldestQueuedSeconds: 60 }), policy, now)).toMatchObject({ desired: 4, action: { kind: 'create', count: 4 } });
    expect(decide(inputs({}), { ...policy, min: 1 }, now)).toMatchObject({ desired: 1, action: { kind: 'create', count: 1 }, reason: 'below SPAWN_FLEET_MIN' });
  });

  it('counts live sandboxes and running pipelines as demand', () => {
    expect(decide(inputs({ liveSandboxes: 4, inFlight: 2, hosts: [host('a', { load: 3 }), host('b', { load: 3 })] }), policy, now).action).toEqual({ kind: 'none' });
  });

  it('drains only hosts idle past the cool-down, oldest first, down to the desired size', () => {
    const hosts = [host('old', { createdAt: ago(7200), idleSince: ago(600) }), host('young', { idleSince: ago(600) }), host('busy', { load: 1 }), host('fresh', { idleSince: ago(10) })];
    const d = decide(inputs({ inFlight: 1, hosts }), policy, now);
    expect(d.desired).toBe(1);
    expect(d.action).toEqual({ kind: 'drain', hostIds: ['old', 'young'] });
  });

  it('retires hosts past SPAWN_FLEET_HOST_MAX_HOURS even when busy', () => {
    const d = decide(inputs({ inFlight: 3, hosts: [host('ancient', { createdAt: ago(25 * 3600), load: 3 })] }), policy, now);
    expect(d.action).toEqual({ kind: 'drain', hostIds: ['ancient'] });
  });
});
