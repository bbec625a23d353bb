import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A kept-alive connection that carried nothing for this long after the drain began is no longer
 * in the proxy's hands (a proxy reuses its most recent connections first, and a refused dial has
 * already turned it to another node): closing it then cannot cut a request on its way.
 */
const IDLE_CLOSE_MS = 1_000;
const CHECK_MS = 100;

interface ConnectionState {
  /** Requests received on it and not yet answered (more than one only when pipelined). */
  busy: number;
  /** The response being written, which may still be told to close the connection after it. */
  response: ServerResponse | null;
  idleSince: number;
  /** `bytesRead` when it went idle: more means a next request is arriving. */
  readAtIdle: number;
}

/** Connection bookkeeping of one HTTP server, for a shutdown that drops no request. */
export interface ConnectionDrain {
  /** Aborted when the drain begins: long-lived answers (event streams) end on it. */
  readonly signal: AbortSignal;
  /**
   * Stops accepting connections (a proxy's next dial is refused and goes to another node), marks
   * every answer from now on `Connection: close` (so each kept-alive connection carries at most
   * the request already on it), ends upgraded connections (WebSockets: clients reconnect), closes
   * connections once idle, and resolves when none is left — or after `graceMs`, cutting the rest.
   */
  drain(graceMs: number): Promise<void>;
}

/**
 * Node's own `server.close()` also closes every idle kept-alive connection at once, which races a
 * request the client is sending on one at that moment (it gets a reset, and a proxy may not retry
 * a POST). Hand-written because neither Node nor Fastify offers a drain that waits for idle
 * connections to fall out of use; Fastify's `close()` runs after it and finds nothing left.
 */
export function trackConnections(server: Server): ConnectionDrain {
  const connections = new Map<Socket, ConnectionState>();
  const upgraded = new Set<Duplex>();
  const controller = new AbortController();

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: 0, response: null, idleSince: Date.now(), readAtIdle: 0 });
    socket.once('close', () => connections.delete(socket));
  });
  // Before the request handler, so the header is in place before any answer is written.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = connections.get(req.socket as Socket);
    if (controller.signal.aborted) closeAfter(res);
    if (!state) return;
    state.busy++;
    state.response = res;
    res.once('close', () => {
      state.busy--;
      if (state.response === res) state.response = null;
      state.idleSince = Date.now();
      state.readAtIdle = (req.socket as Socket).bytesRead;
    });
  });
  server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
  });

  const isIdle = (socket: Socket, state: ConnectionState, now: number): boolean =>
    state.busy === 0 && socket.bytesRead === state.readAtIdle && now - state.idleSince >= IDLE_CLOSE_MS;

  return {
    signal: controller.signal,
    async drain(graceMs) {
      if (controller.signal.aborted) return;
      controller.abort();
      const startedAt = Date.now();
      for (const state of connections.values()) {
        if (state.response && !state.response.headersSent) closeAfter(state.response);
        // Idle connections wait out IDLE_CLOSE_MS from now, not from their last answer.
        state.idleSince = Math.max(state.idleSince, startedAt);
      }
      for (const socket of upgraded) socket.destroy();
      // net.Server's close: stop listening only (see above for why not http.Server's).
      net.Server.prototype.close.call(server);
      const deadline = startedAt + graceMs;
      for (let now = Date.now(); connections.size > 0 && now < deadline; now = Date.now()) {
        for (const [socket, state] of connections) if (isIdle(socket, state, now)) socket.destroy();
        await sleep(CHECK_MS);
      }
      // Past the grace period: whatever is still open is cut.
      for (const socket of connections.keys()) socket.destroy();
    },
  };
}

/**
 * This answer ends its connection: `Connection: close`, kept even when a handler or the app
 * proxy (which copies the app's `Connection: keep-alive`) sets the header again later.
 */
function closeAfter(res: ServerResponse): void {
  if (res.headersSent) return;
  res.setHeader('connection', 'close');
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => (name.toLowerCase() === 'connection' ? res : setHeader(name, value));
}
