import net from 'node:net';

export interface RawAnswer {
  /** Everything the server sent before it closed the socket (or before `waitMs` ran out). */
  text: string;
  closed: boolean;
  /** Milliseconds from the first byte sent to the close (or to the give-up). */
  ms: number;
}

/**
 * Writes `chunks` to a fresh socket (the request's pieces, e.g. headers and half a body) and
 * collects the answer until the server closes the connection or `waitMs` passes.
 */
export function rawExchange(port: number, chunks: string[], waitMs: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let started = 0;
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('connect', () => {
      started = Date.now();
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('close', () => finish(true));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
  });
}

/** An open connection that has sent a complete GET and read its answer: it counts against the per-client cap. */
export function openKeptAlive(port: number, path = '/'): Promise<{ socket: net.Socket; status: number }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      text += d;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (status && text.includes('\r\n\r\n')) resolve({ socket, status: Number(status[1]) });
    });
    socket.on('close', () => reject(new Error(`closed before an answer (got ${JSON.stringify(text.slice(0, 80))})`)));
    socket.on('error', () => undefined);
  });
}
