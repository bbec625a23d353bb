import { timingSafeEqual } from 'node:crypto';
import http, { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createProxyServer, type ProxyTarget } from 'http-proxy-3';
import { isSessionId } from '../api-types.ts';
import type { Logger } from '../log/index.ts';
import { parseRecordedEndpoint } from '../sandboxes/index.ts';
import type { Store } from '../store/index.ts';
import { GATEWAY_HEADERS, localTarget } from './upstream-target.ts';

/** Endpoints are cached this long, as the app proxy caches its routes. */
const TARGET_TTL_MS = 1_000;

type Resolution = { target: ProxyTarget } | { status: number; code: string; message: string };

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A worker's app gateway. An api app's sandbox is reachable only from its worker's host (a Unix
 * socket, or a container address on the host's sandbox bridge); API nodes on other hosts send its
 * requests here, with the cluster secret and the session id in headers, and the gateway forwards
 * them (HTTP and WebSocket) to the sandbox. Both headers are removed before the app sees the
 * request. Requests without the secret get 403 and never reach an app.
 */
export class WorkerGateway {
  readonly #proxy = createProxyServer({ proxyTimeout: 120_000 });
  readonly #agent = new Agent({ keepAlive: true });
  readonly #server: http.Server;
  readonly #secret: Buffer;
  readonly #targets = new Map<string, { target: ProxyTarget | null; at: number }>();

  constructor(private readonly deps: { store: Store; secret: string; logger: Logger }) {
    this.#secret = Buffer.from(deps.secret);
    this.#server = http.createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => this.#fail(res, 502, 'APP_UNAVAILABLE', (err as Error).message));
    });
    this.#server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.#upgrade(req, socket, head).catch(() => socket.destroy());
    });
    this.#proxy.on('error', (err, _req, res) => {
      if (res && 'writeHead' in res && !res.headersSent) this.#fail(res, 502, 'APP_UNAVAILABLE', 'the app is not answering right now');
      else res?.destroy();
      this.deps.logger.debug({ err }, 'gateway upstream failed');
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve((this.#server.address() as AddressInfo).port));
    });
  }

  async close(): Promise<void> {
    this.#agent.destroy();
    this.#proxy.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const resolved = await this.#resolve(req);
    if (!('target' in resolved)) return this.#fail(res, resolved.status, resolved.code, resolved.message);
    res.setHeader('x-spawnai-gateway', '1');
    this.#proxy.web(req, res, { target: resolved.target, agent: this.#agent });
  }

  async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const resolved = await this.#resolve(req);
    if (!('target' in resolved)) {
      socket.end(`HTTP/1.1 ${resolved.status} ${http.STATUS_CODES[resolved.status] ?? ''}\r\nconnection: close\r\n\r\n`);
      return;
    }
    this.#proxy.ws(req, socket, head, { target: resolved.target });
  }

  async #resolve(req: IncomingMessage): Promise<Resolution> {
    const secret = Buffer.from(headerOf(req, GATEWAY_HEADERS.secret) ?? '');
    if (secret.length !== this.#secret.length || !timingSafeEqual(secret, this.#secret)) {
      return { status: 403, code: 'FORBIDDEN', message: 'the app gateway serves API nodes of this installation only' };
    }
    const sessionId = headerOf(req, GATEWAY_HEADERS.session) ?? '';
    // Never forwarded: the app must not learn the cluster secret.
    delete req.headers[GATEWAY_HEADERS.secret];
    delete req.headers[GATEWAY_HEADERS.session];
    const target = isSessionId(sessionId) ? await this.#targetOf(sessionId) : null;
    return target ? { target } : { status: 404, code: 'APP_NOT_FOUND', message: 'no running app of this worker has that session id' };
  }

  async #targetOf(sessionId: string): Promise<ProxyTarget | null> {
    const cached = this.#targets.get(sessionId);
    if (cached && Date.now() - cached.at < TARGET_TTL_MS) return cached.target;
    const target = localTarget(parseRecordedEndpoint((await this.deps.store.sandboxes.getLiveBySession(sessionId))?.endpoint));
    if (this.#targets.size > 10_000) this.#targets.clear();
    this.#targets.set(sessionId, { target, at: Date.now() });
    return target;
  }

  #fail(res: ServerResponse, status: number, code: string, message: string): void {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code, message } }));
  }
}
