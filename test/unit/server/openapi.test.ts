import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../../src/errors/index.ts';
import { loadConfig } from '../../../src/config/index.ts';
import { createLogger } from '../../../src/log/index.ts';
import { createPlatform, type Platform } from '../../../src/orchestrator/index.ts';
import { createSpawnServer, type SpawnServer } from '../../../src/server/index.ts';
import { registerApiRoutes, type ApiRouteDeps } from '../../../src/server/api-routes.ts';
import { registerOpenApi } from '../../../src/server/openapi.ts';
import { installRouteSupport } from '../../../src/server/route-support.ts';

type Operation = { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { description: string; content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>; parameters?: { in: string; name: string }[] };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** The route plugins are only registered here, never called: their services are not needed. */
const unusedDeps = new Proxy({}, { get: () => ({}) }) as ApiRouteDeps;

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  const routes: RouteOptions[] = [];
  let doc: Doc;
  beforeAll(async () => {
    app = Fastify();
    installRouteSupport(app);
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    await registerOpenApi(app, '0.1.0');
    await registerApiRoutes(app, unusedDeps);
    await app.ready();
    doc = app.swagger() as unknown as Doc;
  });
  afterAll(() => app.close());

  const apiRoutes = () =>
    routes.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ method, url: r.url, hidden: (r.schema as { hide?: boolean } | undefined)?.hide === true }))).filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs'));

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toBe('3.1.0');
    const broken = structuredClone(doc) as Record<string, unknown>;
    delete broken.info;
    expect((await new Validator().validate(broken)).valid, 'the validator must be able to fail').toBe(false);
  });

  it('has every registered route, with {param} paths, its parameters and its error answers', () => {
    const registered = apiRoutes();
    expect(registered.length).toBeGreaterThanOrEqual(30);
    expect(registered.filter((r) => r.hidden)).toEqual([]);
    for (const { method, url } of registered) {
      const openApiPath = url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[openApiPath]?.[method.toLowerCase()];
      expect(op, `${method} ${url} is missing from the document`).toBeDefined();
      for (const param of url.matchAll(/:([A-Za-z]+)/g)) expect(op!.parameters?.some((p) => p.in === 'path' && p.name === param[1]), `${method} ${url} :${param[1]}`).toBe(true);
      // /healthz and /readyz answer their degraded or draining view (not an error) with 503; /tls/ask answers Caddy in plain
      // text (`no` with 404, `slow down` with 429).
      // /auth/callback and /auth/app are browser navigations: their refusals are small HTML pages.
      const htmlPage = (status: string): boolean => (url === '/auth/callback' || url === '/auth/app') && ['400', '403', '404', '503'].includes(status);
      const plain = (status: string): boolean => ((url === '/healthz' || url === '/readyz') && status === '503') || (url === '/tls/ask' && (status === '404' || status === '429')) || htmlPage(status);
      const errors = Object.entries(op!.responses).filter(([status]) => Number(status) >= 400 && !plain(status));
      expect(errors.length, `${method} ${url} documents no error answer`).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        expect(response.content?.['application/json']?.schema.properties, `${method} ${url} ${status}`).toHaveProperty('error');
        const codes = [...response.description.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1] as ErrorCode);
        expect(codes.length, `${method} ${url} ${status} names no code`).toBeGreaterThan(0);
        for (const code of codes) expect(ERROR_CODES[code]?.status, `${method} ${url}: ${code} under ${status}`).toBe(Number(status));
      }
      if (url.startsWith('/api/') && url !== '/api/config' && url !== '/api/openapi.json') expect(Object.keys(op!.responses), `${method} ${url}`).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('documents the validation codes where a body is read, and the codes of the domain rules', () => {
    const create = doc.paths['/api/sessions']!.post!;
    expect(create.responses['400']!.description).toEqual(expect.stringContaining('`UNKNOWN_FIELD`'));
    for (const code of ['PROMPT_TOO_LONG', 'INVALID_APP_TYPE', 'TTL_OUT_OF_RANGE']) expect(create.responses['400']!.description).toContain(`\`${code}\``);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '413', '415', '429', '503']));
    expect(doc.paths['/api/sessions/{id}/events']!.get!.responses['200']!.content).toHaveProperty('text/event-stream');
  });

  it('documents answers as open (fields are only ever added) and request bodies as closed (unknown fields are refused)', () => {
    const view = doc.paths['/api/sessions/{id}']!.get!.responses['200']!.content!['application/json']!.schema as Record<string, unknown>;
    expect(view).toHaveProperty('properties.appUrl');
    expect(view).not.toHaveProperty('additionalProperties');
    expect(doc.paths['/api/sessions']!.post!.requestBody!.content['application/json']!.schema).toMatchObject({ additionalProperties: false, required: ['prompt'] });
  });

  // test/security/api-abuse.test.ts fuzzes the routes it finds this way: it must find them all.
  it('covers every route the route files declare', () => {
    const dir = path.resolve(import.meta.dirname, '../../../src/server/routes');
    const declared = fs.readdirSync(dir).flatMap((file) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/app\.(get|post|put|delete|patch)(?:<[^(]*>)?\('([^']+)'/g)].map((m) => `${m[1]!.toUpperCase()} ${m[2]}`));
    expect(declared.sort()).toEqual(apiRoutes().map((r) => `${r.method} ${r.url}`).sort());
  });
});

describe('on the real server, the document and the reference page need no token', () => {
  let platform: Platform;
  let server: SpawnServer;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-openapi-'));
  beforeAll(async () => {
    const config = loadConfig({}, { SPAWN_DATA_DIR: dataDir, SPAWN_LOG_LEVEL: 'error', SPAWN_AUTH: 'required' });
    platform = await createPlatform(config, createLogger('error'), { worker: false, env: {} });
    server = await createSpawnServer(platform);
    await server.app.ready();
  });
  afterAll(async () => {
    await server?.close();
    await platform?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /api/openapi.json and /docs without a token while the API asks for one', async () => {
    const api = await server.app.inject({ url: '/api/sessions' });
    expect(api.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    const res = await server.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const served = res.json<Doc>();
    expect(served.openapi).toBe('3.1.0');
    expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(['/api/sessions', '/api/sessions/{id}', '/api/sessions/{id}/events', '/api/functions/{id}/execute', '/api/studies/{id}/results.csv', '/healthz']));
    const docs = await server.app.inject({ url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(docs.body).toMatch(/swagger/i);
    expect(docs.body).not.toMatch(/https?:\/\/(?!localhost)[^"' ]+\.(js|css)/);
    const json = await server.app.inject({ url: '/docs/json' });
    expect(json.json<Doc>().paths).toEqual(served.paths);
  });
});
