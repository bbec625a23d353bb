import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigView, HealthView, ReadyView } from '../../../src/api-types.ts';
import { systemRoutes, type SystemRoutesDeps } from '../../../src/server/routes/system-routes.ts';
import { routeApp } from './route-app.ts';

const config: ConfigView = { maxPromptChars: 2000, ttl: { defaultSeconds: 7200, minSeconds: 60, maxSeconds: 259_200 }, generator: 'llm', models: ['openai:gpt-4.1'], appsDomain: 'localhost' };

function deps(patch: Partial<SystemRoutesDeps> = {}): SystemRoutesDeps {
  return {
    checks: { store: async () => true, queue: async () => true },
    runtime: { name: 'process', isolation: 'bubblewrap' },
    metrics: { metrics: async () => 'spawnai_queue_depth 0\n', contentType: 'text/plain; version=0.0.4; charset=utf-8' },
    clientConfig: () => config,
    openApiDocument: () => ({ openapi: '3.1.0', info: { title: 'SpawnAI API', version: '0.1.0' }, paths: { '/api/sessions': {} }, components: { x: 1 } }),
    ...patch,
  };
}

describe('system routes', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('/healthz answers 200 ok with every check, runtime and version', async () => {
    app = await routeApp(systemRoutes, deps());
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json<HealthView>()).toEqual({ status: 'ok', checks: { store: true, queue: true }, runtime: 'process', isolation: 'bubblewrap', version: '0.1.0' });
  });

  it('/healthz answers 503 degraded when a check fails, throws or hangs past its deadline', async () => {
    app = await routeApp(systemRoutes, deps({ checks: { store: () => Promise.reject(new Error('down')), queue: () => new Promise(() => {}) } }));
    const started = Date.now();
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json<HealthView>()).toMatchObject({ status: 'degraded', checks: { store: false, queue: false } });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('/readyz answers ready without asking the dependencies, and 503 draining once shutdown begins', async () => {
    const shutdown = new AbortController();
    // A database that never answers: the load balancer's check must not wait on it.
    app = await routeApp(systemRoutes, deps({ shutdown: shutdown.signal, checks: { store: () => new Promise(() => {}), queue: () => new Promise(() => {}) } }));
    const ready = await app.inject({ url: '/readyz' });
    expect([ready.statusCode, ready.json<ReadyView>()]).toEqual([200, { status: 'ready' }]);
    shutdown.abort();
    const draining = await app.inject({ url: '/readyz' });
    expect([draining.statusCode, draining.json<ReadyView>()]).toEqual([503, { status: 'draining' }]);
  });

  it('/metrics speaks the registry’s content type, as text', async () => {
    app = await routeApp(systemRoutes, deps());
    const res = await app.inject({ url: '/metrics' });
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toBe('spawnai_queue_depth 0\n');
  });

  it('/api/config and /api/openapi.json answer what they are given, without dropping fields', async () => {
    app = await routeApp(systemRoutes, deps());
    expect((await app.inject({ url: '/api/config' })).json()).toEqual(config);
    expect((await app.inject({ url: '/api/openapi.json' })).json()).toEqual(deps().openApiDocument());
  });
});
