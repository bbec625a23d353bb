import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/** How the proxy answered: forwarded to an api app's sandbox, an app's static file, or its own page. */
export type ProxyKind = 'sandbox' | 'static' | 'page';

/** The prom-client shapes the proxy reports to (the orchestrator's registry owns the metrics). */
export interface ProxyMetrics {
  proxyRequests: { inc(labels: { kind: ProxyKind; result: string }): void };
  proxyRequestDuration: { observe(labels: { kind: ProxyKind }, seconds: number): void };
}

const STARTED = Symbol('spawnai.proxy.started');
const KIND = Symbol('spawnai.proxy.kind');
type Observed = ServerResponse & { [STARTED]?: number; [KIND]?: ProxyKind };

const STATUS_CLASSES = ['error', '1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/**
 * Counts each response when it ends ('close': finished, or cut off — then its result is `error`).
 * On the hot path: two properties on the response and one listener shared by all of them, so a
 * request costs no allocation of its own beyond the counter's increment.
 */
export class ProxyObserver {
  readonly #onClose: (this: Observed) => void;

  constructor(metrics: ProxyMetrics) {
    this.#onClose = function (this: Observed) {
      const kind = this[KIND] ?? 'page';
      const result = this.writableFinished ? (STATUS_CLASSES[Math.trunc(this.statusCode / 100)] ?? 'error') : 'error';
      metrics.proxyRequests.inc({ kind, result });
      metrics.proxyRequestDuration.observe({ kind }, (performance.now() - (this[STARTED] ?? 0)) / 1000);
    };
  }

  /** Called first thing for each request; its kind is `page` until `mark()` says otherwise. */
  start(res: ServerResponse): void {
    (res as Observed)[STARTED] = performance.now();
    // `on`, not `once`: 'close' is emitted once, and `once` would allocate a wrapper per request.
    res.on('close', this.#onClose);
  }
}

/** Sets how a response is being answered (no-op when no observer started it). */
export function markProxyKind(res: ServerResponse, kind: ProxyKind): void {
  (res as Observed)[KIND] = kind;
}
