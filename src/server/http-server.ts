import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Platform } from '../orchestrator/index.ts';
import { AppProxy, parseAppHost } from '../proxy/index.ts';
import { resolveOwner } from './auth.ts';
import { installErrorHandling } from './errors.ts';
import { controlPlaneHostGuard } from './host-guard.ts';
import { installJsonBodyParser } from './json-body.ts';
import { requestLimits } from './request-limits.ts';
import { eventRoutes } from './routes/event-routes.ts';
import { functionRoutes } from './routes/function-routes.ts';
import { revisionRoutes } from './routes/revision-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { systemRoutes } from './routes/system-routes.ts';
import { appUrlBuilder } from './session-view.ts';
import { webUi } from './web-ui.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ownerId: string;
  }
}

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
  const app: FastifyInstance = Fastify({
    // Per-request lines are info level; the http child logs warnings and errors only.
    loggerInstance: logger.child({ component: 'http' }, { level: 'warn' }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    clientErrorHandler: limits.clientErrorHandler,
    serverFactory: (handler) =>
      limits.attach(http.createServer(limits.serverOptions, (req, res) => {
        const appId = parseAppHost(req.headers.host, config.appsDomain);
        if (appId === null) return handler(req, res);
        proxy.handle(appId, req, res).catch((err: unknown) => {
          logger.error({ err }, 'app proxy failed');
          if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain' }).end('app temporarily unavailable\n');
        });
      })),
  });
  app.server.on('upgrade', (req, socket, head) => {
    const appId = parseAppHost(req.headers.host, config.appsDomain);
    if (appId === null) return socket.destroy();
    proxy.upgrade(appId, req, socket, head).catch(() => socket.destroy());
  });

  installErrorHandling(app);
  installJsonBodyParser(app, { maxDepth: config.http.maxJsonDepth });
  limits.install(app);
  // JSON only: a text/plain body would let any web page (an app on another origin included) send a
  // "simple" cross-origin POST without a CORS preflight. Refused with 415 instead.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('ownerId', '');
  app.addHook('onRequest', controlPlaneHostGuard(config));
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/') && request.url !== '/api/config') {
      request.ownerId = await resolveOwner(request, config, platform.store);
    }
  });
  sessionRoutes(app, platform, appUrl);
  eventRoutes(app, platform);
  functionRoutes(app, platform);
  revisionRoutes(app, platform);
  systemRoutes(app, platform);
  await webUi(app);

  return {
    app,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      port = (app.server.address() as AddressInfo).port;
      return port;
    },
    async close() {
      proxy.close();
      await app.close();
    },
  };
}
