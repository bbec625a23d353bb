import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CloudProvider, HostSpec } from '../../../src/fleet/index.ts';

/** One contract, every cloud provider: what the autoscaler, the drain and the reaper rely on. */
export interface ProviderTarget {
  name: string;
  make(): Promise<{ provider: CloudProvider; close(): Promise<void> }>;
}

export function spec(tag: string, overrides: Partial<HostSpec> = {}): HostSpec {
  return { name: `spawnai-test-${randomUUID().slice(0, 8)}`, region: 'fra1', size: 's-1vcpu-1gb', image: 'debian-12-x64', userData: '#!/bin/bash\ntrue\n', tags: [tag, 'spawnai-worker'], ...overrides };
}

export function providerSuite(target: ProviderTarget): void {
  describe(`cloud provider contract: ${target.name}`, () => {
    const withProvider = async (fn: (p: CloudProvider) => Promise<void>): Promise<void> => {
      const { provider, close } = await target.make();
      try {
        await fn(provider);
      } finally {
        await close();
      }
    };

    it('creates a host with its tags, gets it, lists it by tag and destroys it once', () =>
      withProvider(async (p) => {
        const tag = `spawnai-t-${randomUUID().slice(0, 6)}`;
        const host = await p.createHost(spec(tag));
        expect(host).toMatchObject({ region: 'fra1', size: 's-1vcpu-1gb' });
        expect(host.tags).toContain(tag);
        expect((await p.getHost(host.id))?.name).toBe(host.name);
        expect((await p.listHosts(tag)).map((h) => h.id)).toEqual([host.id]);
        expect(await p.listHosts(`${tag}-other`)).toEqual([]);
        expect(await p.destroyHost(host.id)).toBe(true);
        expect(await p.destroyHost(host.id)).toBe(false);
        expect(await p.getHost(host.id)).toBeNull();
        expect(await p.listHosts(tag)).toEqual([]);
      }));

    it('creating the same name twice yields one host (idempotent creation)', () =>
      withProvider(async (p) => {
        const tag = `spawnai-t-${randomUUID().slice(0, 6)}`;
        const s = spec(tag);
        const a = await p.createHost(s);
        const b = await p.createHost(s);
        expect(b.id).toBe(a.id);
        expect((await p.listHosts(tag)).length).toBe(1);
        await p.destroyHost(a.id);
      }));

    it('lists every host of a tag across pages', () =>
      withProvider(async (p) => {
        const tag = `spawnai-t-${randomUUID().slice(0, 6)}`;
        const created = [];
        for (let i = 0; i < 25; i++) created.push(await p.createHost(spec(tag)));
        const listed = await p.listHosts(tag);
        expect(listed.map((h) => h.id).sort()).toEqual(created.map((h) => h.id).sort());
        for (const h of created) await p.destroyHost(h.id);
      }));

    it('ensures a firewall once by name', () =>
      withProvider(async (p) => {
        const name = `spawnai-fw-${randomUUID().slice(0, 6)}`;
        const fw = { name, targetTag: 'spawnai-worker', gatewayPort: 7071, sourceTags: ['spawnai-api'], sshSources: [] };
        const a = await p.ensureFirewall(fw);
        const b = await p.ensureFirewall(fw);
        expect(b.id).toBe(a.id);
      }));
  });
}
