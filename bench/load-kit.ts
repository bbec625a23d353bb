import autocannon from 'autocannon';
import { summary } from './bench-kit.ts';

export interface LoadTarget {
  /** `http://127.0.0.1:PORT/path` (for a Unix socket, any host; the path is what counts). */
  url: string;
  socketPath?: string;
  /** Sent as the Host header (the app proxy routes on it). */
  host?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers plus socket errors and timeouts. */
  failures: number;
}

/**
 * autocannon for `durationSeconds` on `connections` keep-alive connections. Every response's
 * latency is kept (autocannon's own table has no p95) so p50/p95/p99 come from the full sample.
 */
export function load(target: LoadTarget, connections: number, durationSeconds: number): Promise<LoadResult> {
  const samples: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        socketPath: target.socketPath,
        headers: target.host ? { host: target.host } : {},
        connections,
        duration: durationSeconds,
        timeout: 10,
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const s = summary(samples);
        resolve({
          requestsPerSecond: result.requests.total / durationSeconds,
          total: result.requests.total,
          p50: s.p50,
          p95: s.p95,
          p99: s.p99,
          failures: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => samples.push(responseTimeMs));
  });
}
