import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigitalOceanProvider, DoApiError } from '../../../src/fleet/index.ts';
import { FakeDigitalOcean } from '../../fakes/fake-digitalocean.ts';
import { spec } from './provider-suite.ts';

describe('DigitalOcean driver against the fake API: failures', () => {
  let fake: FakeDigitalOcean;
  let provider: DigitalOceanProvider;
  const waits: number[] = [];
  beforeEach(async () => {
    fake = new FakeDigitalOcean('t0k');
    const baseUrl = await fake.start();
    waits.length = 0;
    provider = new DigitalOceanProvider({ token: 't0k', baseUrl, backoffMs: 1, sleep: async (ms) => void waits.push(ms) });
  });
  afterEach(async () => {
    expect(fake.unexpected).toEqual([]);
    await fake.close();
  });

  it('waits for RateLimit-Reset on 429 and retries', async () => {
    fake.inject({ status: 429, count: 3, method: 'GET' });
    expect(await provider.listHosts('spawnai-x')).toEqual([]);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(3);
    expect(waits.length).toBeGreaterThanOrEqual(3);
  });

  it('retries 5xx with a growing backoff', async () => {
    fake.inject({ status: 503, count: 2, method: 'GET' });
    await provider.listHosts('spawnai-x');
    expect(waits.slice(0, 2)).toEqual([1, 2]);
  });

  it('surfaces 422 with DigitalOcean’s message, without retrying', async () => {
    const err = await provider.createHost(spec('spawnai-x', { size: 's-64vcpu-huge' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DoApiError);
    expect((err as DoApiError).code).toBe('FLEET_PROVIDER_REJECTED');
    expect((err as Error).message).toContain('Size is not available in this region.');
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a create performed but answered 500 (then 429) is found, not repeated', async () => {
    fake.inject({ status: 500, method: 'POST', path: /^\/v2\/droplets$/, afterEffect: true });
    fake.inject({ status: 429, count: 2, method: 'GET', path: /^\/v2\/droplets$/ });
    const host = await provider.createHost(spec('spawnai-x'));
    expect(fake.created).toBe(1);
    expect([...fake.droplets.keys()]).toEqual([Number(host.id)]);
  });

  it('gives up after its attempts with FLEET_PROVIDER_UNAVAILABLE and creates nothing twice', async () => {
    fake.inject({ status: 500, count: 100, method: 'POST' });
    const err = await provider.createHost(spec('spawnai-x')).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('FLEET_PROVIDER_UNAVAILABLE');
    expect(fake.created).toBe(0);
  });

  it('creates the installation firewall: gateway port from the API tag only, SSH closed', async () => {
    await provider.ensureFirewall({ name: 'spawnai-main', targetTag: 'spawnai-main-worker', gatewayPort: 7071, sourceTags: ['spawnai-main-api'], sshSources: [] });
    expect(fake.firewalls[0]?.inbound_rules).toEqual([{ protocol: 'tcp', ports: '7071', sources: { tags: ['spawnai-main-api'] } }]);
    expect(fake.firewalls[0]?.tags).toEqual(['spawnai-main-worker']);
  });

  it('upserts a DNS record', async () => {
    await provider.upsertDnsRecord('spawn.test', 'w1', '10.0.0.2');
    await provider.upsertDnsRecord('spawn.test', 'w1', '10.0.0.3');
    expect(fake.records).toMatchObject([{ type: 'A', name: 'w1', data: '10.0.0.3' }]);
  });
});
