import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createCloudProvider, exchangeJoinToken, fleetView } from '../fleet/index.ts';
import { readPromptImage, readThumbnail, type Platform } from '../orchestrator/index.ts';
import { AppProxy, parseAppHost, PrivateAppGate } from '../proxy/index.ts';
import { registerApiRoutes, type ApiRouteDeps } from './api-routes.ts';
import { tlsAskDeps } from './routes/tls-routes.ts';
import { installTransportSecurity, trustProxyOption } from './transport-security.ts';
import { randomBytes } from 'node:crypto';
import { StoreInvitationAcceptor, StoreUserDirectory } from '../auth/index.ts';
import { installAccessControl, requirePermissions, type CookieAuthenticator } from './access-control.ts';
import { installAuditHook } from './audit-hook.ts';
import { authRequired, hashToken } from './auth.ts';
import { cookieSession, createSignIn, installCookies, type SignIn, type SignInOptions } from './sign-in.ts';
import { createTeamServices, type TeamServices } from './team-services.ts';
import { trackConnections, type ConnectionDrain } from './connection-drain.ts';
import { controlPlaneHostGuard } from './host-guard.ts';
import { installJsonBodyParser } from './json-body.ts';
import { openApiDocument, registerOpenApi } from './openapi.ts';
import { requestLimits } from './request-limits.ts';
import { installRouteSupport } from './route-support.ts';
import { appUrlBuilder } from './session-view.ts';
import { webUi } from './web-ui.ts';

const VERSION = '0.1.0';
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
export interface SpawnServerOptions {
  /** Overrides of the sign-in wiring (tests: a provider's clock, the directory). */
  signIn?: Partial<SignInOptions>;
}

export async function createSpawnServer(platform: Platform, options: SpawnServerOptions = {}): Promise<SpawnServer> {
  const { config, logger } = platform;
  const teams = createTeamServices(platform.store, config);
  const signIn = createSignIn(config, platform.store, {
    directory: new StoreUserDirectory(platform.store),
    invitations: new StoreInvitationAcceptor(platform.store),
    audit: teams.audit,
    ...options.signIn,
  });
  const proxy = new AppProxy({
    store: platform.store,
    artifacts: platform.artifacts,
    logger,
    activity: platform.activityHook ?? undefined,
    metrics: platform.metrics,
    gateway: { ownUrl: platform.sandboxes ? (config.gateway?.url ?? null) : null, secret: config.clusterSecret },
    privateApps: new PrivateAppGate({
      access: signIn.appAccess,
      roleOf: (orgId, userId) => signIn.directory.roleOf(orgId, userId),
      cookieName: signIn.names.app,
      secure: signIn.names.secure,
      controlPlaneOrigin: signIn.oidc ? signIn.publicOrigin : null,
      singleUser: !authRequired(config),
    }),
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
  // Fastify skips body validation when a request has no body (or a JSON `null`): the route's schema
  // then sees `{}`, so that is the same 400 as an empty object instead of a handler reading undefined.
  app.addHook('preValidation', async (request) => {
    if ((request.body === undefined || request.body === null) && request.routeOptions.schema?.body) request.body = {};
  });
  await installCookies(app, platform.store);
  // The browser session is read here, before access control: a rotation sets a new cookie on the
  // reply, and a cookie-authenticated mutation is checked against CSRF. A bearer credential wins:
  // a script's explicit credential is never overridden by a cookie.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.headers.authorization) request.webSession = await cookieSession(request, reply, signIn);
  });
  const cookieAuth: CookieAuthenticator = async (request) => (request.webSession ? { userId: request.webSession.userId, orgId: request.webSession.currentOrgId ?? undefined } : null);
  requirePermissions(app);
  installAccessControl(app, { resolver: teams.resolver, store: platform.store, cookie: cookieAuth, admins: config.money.admins });
  installAuditHook(app, { audit: teams.audit, store: platform.store, logger: app.log });
  await registerOpenApi(app, VERSION);
  await registerApiRoutes(app, routeDeps(app, platform, teams, signIn, appUrl, drain.signal));
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

/** A bearer token for `spawnai login` (device flow): acts as the user in their personal organisation (whose id is the user's). */
function cliTokenIssuer(platform: Platform): (user: { id: string; email: string | null }) => Promise<string> {
  return async (user) => {
    const token = `spawn_${randomBytes(24).toString('base64url')}`;
    await platform.store.tokens.create({ id: randomBytes(8).toString('hex'), name: `cli:${user.email ?? user.id}`, ownerId: user.id, tokenHash: hashToken(token) });
    return token;
  };
}

/** Each route plugin gets only the services it uses, taken from the platform here. */
function routeDeps(app: FastifyInstance, platform: Platform, teams: TeamServices, signIn: SignIn, appUrl: (id: string) => string, shutdown: AbortSignal): ApiRouteDeps {
  const { sessions, revisions, functions, config } = platform;
  const fleetProvider = createCloudProvider(platform);
  return {
    sessions: { sessions, config, appUrl },
    events: { sessions, events: platform.sessionEvents, shutdown },
    revisions: { revisions },
    functions: { registry: functions.registry, tasks: functions.tasks, defaultTimeoutSeconds: config.functions.timeoutSeconds },
    tasks: { tasks: functions.tasks },
    workflows: { workflows: functions.workflows },
    studies: { studies: functions.studies },
    files: { files: functions.files, tasks: functions.tasks },
    tls: tlsAskDeps(config, platform.store),
    orgs: { orgs: teams.orgs },
    members: { orgs: teams.orgs, invitations: teams.invitations, publicUrl: config.publicUrl },
    apiKeys: { apiKeys: teams.apiKeys },
    audit: { audit: teams.audit },
    visibility: { sessions, appUrl, setVisibility: (id, visibility) => platform.store.sessions.update(id, { visibility }) },
    signIn,
    appSignIn: { signIn, sessions: platform.store.sessions, appUrl },
    device: { signIn, issueToken: cliTokenIssuer(platform) },
    thumbnails: { sessions, thumbnail: (s) => readThumbnail(platform.store, platform.artifacts, s) },
    fleet: {
      view: () => fleetView(platform.store, config),
      join: (token) => exchangeJoinToken({ store: platform.store, config, provider: fleetProvider, env: process.env }, token),
    },
    billing: { ledger: platform.money.ledger, store: platform.store },
    webhooks: { webhooks: platform.money.webhooks, alerts: platform.money.alerts },
    images: { sessions, image: (s) => readPromptImage(platform.store, s) },
    system: {
      checks: { store: () => platform.store.ping(), queue: () => platform.queue.ping() },
      runtime: platform.runtime,
      verifyMode: platform.verifyMode,
      shutdown,
      metrics: platform.metrics.registry,
      clientConfig: () => ({
        maxPromptChars: config.maxPromptChars,
        ttl: config.ttl,
        generator: sessions.generatorName === 'offline-template' ? 'offline-template' : 'llm',
        models: platform.models,
        appsDomain: config.appsDomain,
        signIn: config.oidc ? 'oidc' : authRequired(config) ? 'token' : 'none',
      }),
      openApiDocument: () => openApiDocument(app),
    },
  };
}
