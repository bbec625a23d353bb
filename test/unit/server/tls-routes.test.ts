import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installRouteSupport } from '../../../src/server/route-support.ts';
import { tlsAskDeps, tlsRoutes, type TlsAskDeps } from '../../../src/server/routes/tls-routes.ts';
import { TlsAskCache } from '../../../src/server/tls-ask-cache.ts';
import type { SessionRecord } from '../../../src/store/index.ts';

const LIVE = 'a'.repeat(26);
const GONE = 'b'.repeat(26);
let app: FastifyInstance | undefined;

async function server(deps: Partial<TlsAskDeps> = {}, lookups: string[] = []): Promise<FastifyInstance> {
  app = Fastify();
  installRouteSupport(app);
  await app.register(tlsRoutes, {
    controlPlaneHost: 'spawn.example.com',
    appsDomain: 'apps.example.com',
    isLiveSession: async (id) => (lookups.push(id), id === LIVE),
    ...deps,
  });
  await app.ready();
  return app;
}

const ask = async (a: FastifyInstance, domain?: string) =>
  (await a.inject({ method: 'GET', url: domain === undefined ? '/tls/ask' : `/tls/ask?domain=${encodeURIComponent(domain)}` })).statusCode;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('GET /tls/ask', () => {
  it('allows the control-plane host and the hosts of live apps only', async () => {
    const a = await server();
    expect(await ask(a, 'spawn.example.com')).toBe(200);
    expect(await ask(a, 'SPAWN.example.com.')).toBe(200);
    expect(await ask(a, `${LIVE}.apps.example.com`)).toBe(200);
    expect(await ask(a, `${GONE}.apps.example.com`)).toBe(404);
  });

  it('refuses foreign, nested, malformed and missing names without asking the store', async () => {
    const lookups: string[] = [];
    const a = await server({}, lookups);
    for (const domain of ['evil.example.com', `${LIVE}.apps.example.com.evil.com`, `x.${LIVE}.apps.example.com`, 'apps.example.com', `${LIVE}.apps.example.com:443`, 'nosuchapp.apps.example.com', '', 'a b', `${'a'.repeat(300)}.apps.example.com`]) {
      expect(await ask(a, domain), domain).toBe(404);
    }
    expect(await ask(a)).toBe(404);
    expect((await a.inject({ method: 'GET', url: '/tls/ask?domain=a&domain=b' })).statusCode).toBe(404);
    expect(lookups).toEqual([]);
  });

  it('says no more than yes or no', async () => {
    const a = await server();
    const res = await a.inject({ method: 'GET', url: `/tls/ask?domain=${GONE}.apps.example.com` });
    expect(res.body).toBe('no\n');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers repeated asks from its cache and rate-limits store lookups', async () => {
    const lookups: string[] = [];
    const a = await server({ cache: { burst: 3, lookupsPerSecond: 0.001 } }, lookups);
    for (let i = 0; i < 5; i++) expect(await ask(a, `${LIVE}.apps.example.com`)).toBe(200);
    expect(lookups).toEqual([LIVE]);
    const ids = ['c', 'd', 'e'].map((c) => c.repeat(26));
    const codes = await Promise.all(ids.map((id) => ask(a, `${id}.apps.example.com`)));
    expect(codes).toEqual([404, 404, 429]);
  });
});

describe('TlsAskCache', () => {
  it('forgets an answer after its TTL, so a destroyed app is refused within it', async () => {
    let now = 0;
    let live = true;
    const cache = new TlsAskCache(async () => live, { ttlMs: 1000, now: () => now });
    expect(await cache.ask(LIVE)).toBe('allowed');
    live = false;
    now = 999;
    expect(await cache.ask(LIVE)).toBe('allowed');
    now = 1000;
    expect(await cache.ask(LIVE)).toBe('denied');
  });

  it('shares one lookup between concurrent asks for a name', async () => {
    let calls = 0;
    const cache = new TlsAskCache(async () => (calls++, await new Promise((r) => setTimeout(r, 10)), true));
    expect(await Promise.all([cache.ask(LIVE), cache.ask(LIVE), cache.ask(LIVE)])).toEqual(['allowed', 'allowed', 'allowed']);
    expect(calls).toBe(1);
  });
});

describe('tlsAskDeps', () => {
  const session = (state: string, expiresInMs: number) => ({ state, expiresAt: new Date(Date.now() + expiresInMs) }) as SessionRecord;
  const store = (s: SessionRecord | null) => ({ sessions: { get: async () => s } });

  it('takes the control-plane host from SPAWN_PUBLIC_URL and judges sessions by state and expiry', async () => {
    expect(tlsAskDeps({ publicUrl: 'https://Spawn.Example.com:8443/', appsDomain: 'Apps.example.com' }, store(null))).toMatchObject({ controlPlaneHost: 'spawn.example.com', appsDomain: 'apps.example.com' });
    expect(tlsAskDeps({ publicUrl: undefined, appsDomain: 'localhost' }, store(null)).controlPlaneHost).toBe('localhost');
    const live = (s: SessionRecord | null) => tlsAskDeps({ publicUrl: undefined, appsDomain: 'localhost' }, store(s)).isLiveSession(LIVE);
    expect(await live(session('running', 60_000))).toBe(true);
    expect(await live(session('generating', 60_000))).toBe(true);
    expect(await live(session('running', -1))).toBe(false);
    for (const state of ['destroying', 'destroyed', 'failed']) expect(await live(session(state, 60_000))).toBe(false);
    expect(await live(null)).toBe(false);
  });
});
