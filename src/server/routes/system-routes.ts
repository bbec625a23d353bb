import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConfigViewSchema, errorResponses, HealthViewSchema, OpenApiDocumentSchema, PUBLIC_ERRORS, ReadyViewSchema } from '../../api-schemas/index.ts';
import type { ConfigView } from '../../api-types.ts';

const VERSION = '0.1.0';
const CHECK_TIMEOUT_MS = 2000;

export interface SystemRoutesDeps {
  /** Each answers whether its service is reachable; a check that throws or hangs counts as down. */
  checks: { store(): Promise<boolean>; queue(): Promise<boolean> };
  runtime: { name: string; isolation: string };
  /** Aborted when this node starts draining (SIGTERM): `/readyz` answers 503 from then on. */
  shutdown?: AbortSignal;
  /** SPAWN_VERIFY as resolved at start-up. */
  verifyMode?: 'browser' | 'http' | 'off';
  metrics: { metrics(): Promise<string>; readonly contentType: string };
  /** What `GET /api/config` answers. */
  clientConfig(): ConfigView;
  /** The generated OpenAPI document (`app.swagger()` on the real server). */
  openApiDocument(): z.infer<typeof OpenApiDocumentSchema>;
}

async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const tags = ['system'];

const health = {
  tags,
  summary: 'Liveness and dependencies',
  response: { 200: HealthViewSchema.describe('every check passed'), 503: HealthViewSchema.describe('`status: "degraded"`: a check failed'), ...errorResponses(...PUBLIC_ERRORS) },
};

// A load balancer's check must not depend on PostgreSQL or Redis: they are shared by every node, so
// a slow or failed dependency would take every node out of rotation at once (a partial outage made
// total), and a probe stuck behind a slow query reads as a dead node. It asks one thing: will this
// node take the next request?
const ready = {
  tags,
  summary: 'Readiness for a load balancer: 200 while this node takes traffic, 503 once it drains',
  response: { 200: ReadyViewSchema.describe('taking traffic'), 503: ReadyViewSchema.describe('`status: "draining"`: shutting down, send requests elsewhere'), ...errorResponses(...PUBLIC_ERRORS) },
};

const metrics = {
  tags,
  summary: 'Prometheus metrics',
  response: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } }, ...errorResponses(...PUBLIC_ERRORS) },
};

const clientConfig = {
  tags,
  summary: "This server's limits and generator, for clients",
  response: { 200: ConfigViewSchema.describe('the client configuration'), ...errorResponses(...PUBLIC_ERRORS) },
};

const openApi = {
  tags,
  summary: 'This API as an OpenAPI 3.1 document (the reference page is at /docs)',
  response: { 200: OpenApiDocumentSchema.describe('generated from the route schemas'), ...errorResponses(...PUBLIC_ERRORS) },
};

/** Health, metrics, the client configuration and the API's own description: no token needed. */
export const systemRoutes: FastifyPluginAsyncZod<SystemRoutesDeps> = async (app, deps) => {
  app.get('/healthz', { schema: health, config: { permission: 'public' } }, async (_request, reply) => {
    const [store, queue] = await Promise.all([within(deps.checks.store(), CHECK_TIMEOUT_MS, false), within(deps.checks.queue(), CHECK_TIMEOUT_MS, false)]);
    return reply.status(store && queue ? 200 : 503).send({
      status: store && queue ? 'ok' : 'degraded',
      checks: { store, queue },
      runtime: deps.runtime.name,
      isolation: deps.runtime.isolation,
      version: VERSION,
      ...(deps.verifyMode ? { verify: deps.verifyMode } : {}),
    });
  });

  app.get('/readyz', { schema: ready, config: { permission: 'public' } }, async (_request, reply) =>
    deps.shutdown?.aborted ? reply.status(503).send({ status: 'draining' as const }) : reply.send({ status: 'ready' as const }),
  );

  app.get('/metrics', { schema: metrics, config: { permission: 'public' } }, async (_request, reply) => {
    const text = await deps.metrics.metrics();
    return reply.type(deps.metrics.contentType).send(text);
  });

  app.get('/api/config', { schema: clientConfig, config: { permission: 'public' } }, async () => deps.clientConfig());

  app.get('/api/openapi.json', { schema: openApi, config: { permission: 'public' } }, async () => deps.openApiDocument());
};
