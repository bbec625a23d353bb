import { chmod, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';

/** `host:port` of a URL, the scheme's default port filled in (what a CONNECT request names). */
export function hostPort(url: string): string {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}

export interface EgressProxy {
  socketPath: string;
  /** host:port pairs the installer asked for and was refused, in order, once each. */
  refused(): string[];
  close(): Promise<void>;
}

/**
 * The installer sandbox's only way out: an HTTP proxy on a Unix socket (bind-mounted into the
 * sandbox, where egress-relay.js exposes it on loopback) that opens connections to the allowed
 * `host:port` pairs and nowhere else. HTTPS goes through CONNECT, so TLS stays end to end between
 * pip or npm and the index; plain HTTP goes as absolute-URI requests, forwarded by node:http.
 */
export async function startEgressProxy(socketPath: string, allowed: readonly string[]): Promise<EgressProxy> {
  const allow = new Set(allowed.map((entry) => entry.toLowerCase()));
  const refused = new Set<string>();
  const sockets = new Set<net.Socket>();
  const permitted = (target: string): boolean => {
    if (allow.has(target)) return true;
    refused.add(target);
    return false;
  };
  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('only proxy requests (absolute URIs) are accepted\n');
      return;
    }
    if (url.protocol !== 'http:' || !permitted(hostPort(url.href))) {
      res.writeHead(403).end(`the installer may reach only ${[...allow].join(', ')}\n`);
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !name.startsWith('proxy-')));
    const upstream = http.request({ host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || 80, path: `${url.pathname}${url.search}`, method: req.method, headers });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502).end(`${err.message}\n`);
      else res.destroy();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    let target: URL | null = null;
    try {
      target = new URL(`http://${req.url ?? ''}`);
    } catch {
      // refused below
    }
    if (!target?.port || !permitted(`${target.hostname.toLowerCase()}:${target.port}`)) {
      client.end(`HTTP/1.1 403 Forbidden\r\n\r\n`);
      return;
    }
    let connected = false;
    const upstream = net.connect(Number(target.port), target.hostname.replace(/^\[|\]$/g, ''), () => {
      connected = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(upstream);
    };
    upstream.on('error', (err) => (connected ? close() : client.end(`HTTP/1.1 502 Bad Gateway\r\n\r\n${err.message}\n`)));
    upstream.on('close', () => (connected ? close() : sockets.delete(upstream)));
    client.on('error', close);
    client.on('close', close);
  });
  await rm(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  // The sandbox's uid (65534) connects to it; only that build's sandbox sees the directory.
  await chmod(socketPath, 0o666);
  return {
    socketPath,
    refused: () => [...refused],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
