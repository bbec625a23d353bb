import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { readPromptImage, readThumbnail, type Platform } from '../orchestrator/index.ts';
import { AppProxy, parseAppHost } from '../proxy/index.ts';
import { registerApiRoutes, type ApiRouteDeps } from './api-routes.ts';
import { tlsAskDeps } from './routes/tls-routes.ts';
import { installTransportSecurity, trustProxyOption } from './transport-security.ts';
import { resolveOwner } from './auth.ts';
import { trackConnections, type ConnectionDrain } from './connection-drain.ts';
import { controlPlaneHostGuard } from './host-guard.ts';
import { installJsonBodyParser } from './json-body.ts';
import { openApiDocument, registerOpenApi } from './openapi.ts';
import { requestLimits } from './request-limits.ts';
import { installRouteSupport } from './route-support.ts';
import { appUrlBuilder } from './session-view.ts';
import { webUi } from './web-ui.ts';

const VERSION = '0.1.0';
/** Under /api/ but answered without a token: what a client reads before it has one. */
const PUBLIC_API_URLS = new Set(['/api/config', '/api/openapi.json']);

/** Request bodies are small JSON documents; anything larger is refused with 413. */
const BODY_LIMIT_BYTES = 64 * 1024;

export interface SpawnServer {
  readonly app: FastifyInstance;
  /** Resolves with the port actually bound (useful with port 0). */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/**
 * One HTTP server, two faces chosen by `Host`: `<id>.<appsDomain>` goes to the app proxy (each app
 * on its own origin), everything else to the control plane (API, SSE, metrics, web UI).
 */
export async function createSpawnServer(platform: Platform): Promise<SpawnServer> {
  const { config, logger } = platform;
  const proxy = new AppProxy({
    store: platform.store,
    artifacts: platform.artifacts,
    logger,
    activity: platform.activityHook ?? undefined,
    gateway: { ownUrl: platform.sandboxes ? (config.gateway?.url ?? null) : null, secret: config.clusterSecret },
  });
  let port = config.port;
  const appUrl = appUrlBuilder(config, () => port);

  // Timeouts and per-client caps (the server is ours, so Fastify sets none of them on it).
  const limits = requestLimits(config.http);
  let connections: ConnectionDrain | undefined;
  const app: FastifyInstance = Fastify({
    // Per-request lines are info level; the http child logs warnings and errors only.
    loggerInstance: logger.child({ component: 'http' }, { level: 'warn' }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config),
    clientErrorHandler: limits.clientErrorHandler,
    serverFactory: (handler) => {
      const server = limits.attach(http.createServer(limits.serverOptions, (req, res) => {
        const appId = parseAppHost(req.headers.host, config.appsDomain);
        if (appId === null) return handler(req, res);
        proxy.handle(appId, req, res).catch((err: unknown) => {
          logger.error({ err }, 'app proxy failed');
          if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain' }).end('app temporarily unavailable\n');
        });
      }));
      connections = trackConnections(server);
      return server;
    },
  });
  const drain = connections as ConnectionDrain;
  app.server.on('upgrade', (req, socket, head) => {
    const appId = parseAppHost(req.headers.host, config.appsDomain);
    if (appId === null) return socket.destroy();
    proxy.upgrade(appId, req, socket, head).catch(() => socket.destroy());
  });

  installRouteSupport(app, { databaseUrl: config.databaseUrl });
  installTransportSecurity(app, config);
  installJsonBodyParser(app, { maxDepth: config.http.maxJsonDepth });
  limits.install(app);
  // JSON only: a text/plain body would let any web page (an app on another origin included) send a
  // "simple" cross-origin POST without a CORS preflight. Refused with 415 instead.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', controlPlaneHostGuard(config));
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/') && !PUBLIC_API_URLS.has(request.url)) {
      request.ownerId = await resolveOwner(request, config, platform.store.tokens);
    }
  });
  await registerOpenApi(app, VERSION);
  await registerApiRoutes(app, routeDeps(app, platform, appUrl, drain.signal));
  await webUi(app);

  return {
    app,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      port = (app.server.address() as AddressInfo).port;
      return port;
    },
    // A drain first (no new connections, answers in flight finished, event streams told to come
    // back elsewhere), and the app proxy's upstream connections last: requests to apps finish too.
    async close() {
      await drain.drain(config.shutdownGraceMs);
      await app.close();
      proxy.close();
    },
  };
}

/** Each route plugin gets only the services it uses, taken from the platform here. */
function routeDeps(app: FastifyInstance, platform: Platform, appUrl: (id: string) => string, shutdown: AbortSignal): ApiRouteDeps {
  const { sessions, revisions, functions, config } = platform;
  return {
    sessions: { sessions, config, appUrl },
    events: { sessions, events: platform.sessionEvents, shutdown },
    revisions: { revisions },
    functions: { registry: functions.registry, tasks: functions.tasks, defaultTimeoutSeconds: config.functions.timeoutSeconds },
    tasks: { tasks: functions.tasks },
    workflows: { workflows: functions.workflows },
    studies: { studies: functions.studies },
    tls: tlsAskDeps(config, platform.store),
    thumbnails: { sessions, thumbnail: (s) => readThumbnail(platform.store, platform.artifacts, s) },
    images: { sessions, image: (s) => readPromptImage(platform.store, s) },
    system: {
      checks: { store: () => platform.store.ping(), queue: () => platform.queue.ping() },
      runtime: platform.runtime,
      verifyMode: platform.verifyMode,
      metrics: platform.metrics.registry,
      clientConfig: () => ({
        maxPromptChars: config.maxPromptChars,
        ttl: config.ttl,
        generator: sessions.generatorName === 'offline-template' ? 'offline-template' : 'llm',
        models: platform.models,
        appsDomain: config.appsDomain,
      }),
      openApiDocument: () => openApiDocument(app),
    },
  };
}
