import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer, type ProxyTarget } from 'http-proxy-3';
import { stripCookieDomains } from './host-only-cookies.ts';
import { GATEWAY_HEADERS, localTarget } from './upstream-target.ts';
import { contentTypeFor, requestedPath, staticCandidates, type ArtifactStore } from '../artifacts/index.ts';
import { appTypeSpec } from '../generator/index.ts';
import type { Logger } from '../log/index.ts';
import { parseRecordedEndpoint } from '../sandboxes/index.ts';
import type { SessionRecord, Store } from '../store/index.ts';
import { SMOKE_FILE } from '../verify/index.ts';
import { isAppLabel } from './app-host.ts';
import { sendAppPage } from './app-pages.ts';
import type { PrivateAppGate } from './private-app-gate.ts';
import { markProxyKind, ProxyObserver, type ProxyMetrics } from './proxy-metrics.ts';

/**
 * Scale-to-zero hook, implemented by the orchestrator on nodes that run sandboxes. Called for
 * every request and WebSocket forwarded to an api app; `requestStarted` returns a promise only
 * when the app is paused (the request then waits for the resume), so a running app pays a Map lookup.
 */
export interface AppActivityHook {
  /** Called once by the proxy that reports here (until then no request is seen, so nothing idles). */
  proxyAttached(): void;
  requestStarted(sessionId: string): Promise<void> | undefined;
  requestEnded(sessionId: string): void;
}

interface Route {
  session: SessionRecord | null;
  target: ProxyTarget | null;
  /** Sent with each request when the target is another worker's gateway. */
  headers?: Record<string, string>;
  at: number;
}

/** How this node reaches apps whose worker runs an app gateway (config `SPAWN_GATEWAY_*`). */
export interface GatewayAccess {
  /** This node's own gateway URL, if it is a worker with one: its apps are reached directly. */
  ownUrl: string | null;
  /** The cluster secret gateways ask for; without it apps behind gateways cannot be reached. */
  secret: string | undefined;
}

/** Routing decisions are cached this long: a destroyed app stops answering within a second. */
const ROUTE_TTL_MS = 1_000;
const IN_PROGRESS = new Set(['requested', 'provisioning', 'generating', 'deploying']);
const ENDED = new Set(['destroying', 'destroyed', 'failed']);

/**
 * Serves generated apps on their own origins: static apps (webapp, script results) straight from
 * the artifact store with no process at all; API apps forwarded over HTTP and WebSocket to their
 * sandbox. Expired apps get a 410 page, unknown ones a 404 page, never a raw 502.
 */
export class AppProxy {
  readonly #store: Store;
  readonly #artifacts: ArtifactStore;
  readonly #logger: Logger;
  readonly #activity: AppActivityHook | undefined;
  readonly #routes = new Map<string, Route>();
  readonly #proxy = createProxyServer({ xfwd: true, proxyTimeout: 120_000 });
  // Without an agent http-proxy sends `Connection: close` upstream: a new connection (through the
  // sandbox's socket forwarder) per request cut throughput ~20× in bench/proxy-throughput.ts.
  readonly #upstreamAgent = new Agent({ keepAlive: true });

  readonly #gateway: GatewayAccess;
  readonly #gate: PrivateAppGate | undefined;
  readonly #observer: ProxyObserver | undefined;

  constructor(deps: { store: Store; artifacts: ArtifactStore; logger: Logger; activity?: AppActivityHook; gateway?: GatewayAccess; privateApps?: PrivateAppGate; metrics?: ProxyMetrics }) {
    this.#observer = deps.metrics ? new ProxyObserver(deps.metrics) : undefined;
    this.#gateway = deps.gateway ?? { ownUrl: null, secret: undefined };
    this.#gate = deps.privateApps;
    this.#store = deps.store;
    this.#activity = deps.activity;
    this.#activity?.proxyAttached();
    this.#artifacts = deps.artifacts;
    this.#logger = deps.logger;
    this.#proxy.on('error', (err, _req, res) => {
      this.#logger.debug({ err }, 'app proxy error');
      if (res && 'writeHead' in res && !res.headersSent) sendAppPage(res, 502, 'This app is not answering', 'It may be restarting. Try again in a moment.', { code: 'APP_UNAVAILABLE', refreshSeconds: 5 });
      else res?.destroy();
    });
    this.#proxy.on('proxyRes', stripCookieDomains);
  }

  async handle(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#observer?.start(res);
    const route = await this.#route(id);
    const s = route.session;
    if (!s) return sendAppPage(res, 404, 'No app here', 'There is no app at this address. Check the link.', { code: 'APP_NOT_FOUND' });
    // A private app says nothing about itself (not even that it expired) before the visitor is admitted.
    if (this.#gate && !(await this.#gate.admit(s, req, res))) return;
    if (ENDED.has(s.state) || s.expiresAt.getTime() <= Date.now()) {
      const when = (s.destroyedAt ?? s.expiresAt).toISOString();
      return sendAppPage(res, 410, 'This app has expired', `This app expired at ${when} and everything it used was destroyed.`, { code: 'APP_EXPIRED' });
    }
    if (s.state !== 'running' || s.currentVersion === null) {
      return sendAppPage(res, 503, 'Almost there', 'This app is still being built. This page refreshes by itself.', { code: 'APP_UNAVAILABLE', refreshSeconds: 2 });
    }
    // The model's smoke steps are for the verifier, not the app's visitors (whatever the app serves).
    if (isSmokeFile(req.url)) return sendAppPage(res, 404, 'Not found', 'This app has no page here.', { code: 'NOT_FOUND' });
    if (route.target) {
      markProxyKind(res, 'sandbox');
      if (!(await this.#awake(id, res))) {
        return sendAppPage(res, 502, 'This app is not answering', 'It could not be woken up. Try again in a moment.', { code: 'APP_UNAVAILABLE', refreshSeconds: 5 });
      }
      this.#proxy.web(req, res, { target: route.target, agent: this.#upstreamAgent, headers: route.headers }, (err) => void this.#upstreamFailed(id, err, res));
      return;
    }
    // An api app between sandboxes (being restarted): never fall back to serving its source files.
    if (appTypeSpec(s.appType).serves === 'sandbox') {
      return sendAppPage(res, 503, 'This app is restarting', 'It will be back in a moment. This page refreshes by itself.', { code: 'APP_UNAVAILABLE', refreshSeconds: 2 });
    }
    markProxyKind(res, 'static');
    await this.#serveStatic(s, req, res);
  }

  /**
   * The app did not answer. The cached route may be stale — the app was destroyed a moment ago —
   * so ask the store again: an ended app gets its 410 page, a live one the "not answering" page.
   */
  async #upstreamFailed(id: string, err: Error, res: ServerResponse): Promise<void> {
    this.#logger.debug({ err, sessionId: id }, 'app did not answer');
    this.#routes.delete(id);
    if (res.headersSent) return void res.destroy();
    const s = (await this.#route(id).catch(() => null))?.session;
    if (s && (ENDED.has(s.state) || s.expiresAt.getTime() <= Date.now())) {
      const when = (s.destroyedAt ?? s.expiresAt).toISOString();
      return sendAppPage(res, 410, 'This app has expired', `This app expired at ${when} and everything it used was destroyed.`, { code: 'APP_EXPIRED' });
    }
    sendAppPage(res, 502, 'This app is not answering', 'It may be restarting. Try again in a moment.', { code: 'APP_UNAVAILABLE', refreshSeconds: 5 });
  }

  async upgrade(id: string, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const route = await this.#route(id);
    if (route.session?.state !== 'running' || !route.target) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    if (this.#gate && !(await this.#gate.admitUpgrade(route.session, req))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    if (!(await this.#awake(id, socket))) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
      return;
    }
    this.#proxy.ws(req, socket, head, { target: route.target, headers: route.headers });
  }

  /** Reports the request to the activity hook (ended when `conn` closes) and waits while the app is woken. */
  async #awake(id: string, conn: ServerResponse | Duplex): Promise<boolean> {
    if (!this.#activity) return true;
    const waking = this.#activity.requestStarted(id);
    conn.once('close', () => this.#activity?.requestEnded(id));
    if (!waking) return true;
    try {
      await waking;
      return true;
    } catch (err) {
      this.#logger.warn({ err, sessionId: id }, 'resuming a paused app failed');
      return false;
    }
  }

  close(): void {
    this.#upstreamAgent.destroy();
    this.#proxy.close();
  }

  async #serveStatic(s: SessionRecord, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const version = s.currentVersion ?? 1;
    const requested = requestedPath(req.url);
    if (requested === null) return sendAppPage(res, 400, 'Bad address', 'This address is not valid.', { code: 'INVALID_REQUEST' });
    // Script apps show their result page; web apps fall back to index.html for client-side routes.
    const spec = appTypeSpec(s.appType);
    const candidates = staticCandidates(requested, spec.indexPage, spec.serves === 'result-page');
    for (const candidate of candidates) {
      const file = await this.#artifacts.readFile(s.id, version, candidate);
      if (!file) continue;
      const etag = `"${file.digest.slice(0, 32)}"`;
      const headers = { 'content-type': contentTypeFor(candidate), etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': file.content.length });
      res.end(req.method === 'HEAD' ? undefined : file.content);
      return;
    }
    sendAppPage(res, 404, 'Not found', `This app has no page at /${requested}.`, { code: 'NOT_FOUND' });
  }

  /** The sandbox itself when its worker is this node or has no gateway, else that worker's gateway. */
  #upstream(id: string, stored: unknown): Pick<Route, 'target' | 'headers'> {
    const endpoint = parseRecordedEndpoint(stored);
    if (!endpoint || endpoint.kind !== 'gateway' || endpoint.url === this.#gateway.ownUrl) return { target: localTarget(endpoint) };
    const gateway = endpoint.url;
    if (!this.#gateway.secret) {
      this.#logger.error({ sessionId: id, gateway }, 'the app is behind a worker gateway and SPAWN_CLUSTER_SECRET is not set on this node');
      return { target: null };
    }
    return { target: new URL(gateway), headers: { [GATEWAY_HEADERS.secret]: this.#gateway.secret, [GATEWAY_HEADERS.session]: id } };
  }

  async #route(id: string): Promise<Route> {
    const cached = this.#routes.get(id);
    if (cached && Date.now() - cached.at < ROUTE_TTL_MS) return cached;
    const session = isAppLabel(id) ? await this.#store.sessions.get(id) : null;
    let upstream: Pick<Route, 'target' | 'headers'> = { target: null };
    if (session && appTypeSpec(session.appType).serves === 'sandbox' && session.state === 'running') {
      upstream = this.#upstream(id, (await this.#store.sandboxes.getLiveBySession(id))?.endpoint);
    }
    const route: Route = { session, ...upstream, at: Date.now() };
    // Only settled answers are cached: an app still being built must go live on the next request.
    if (!session || !IN_PROGRESS.has(session.state)) {
      if (this.#routes.size > 10_000) this.#routes.clear();
      this.#routes.set(id, route);
    }
    return route;
  }
}

function isSmokeFile(url: string | undefined): boolean {
  return requestedPath(url) === SMOKE_FILE;
}
