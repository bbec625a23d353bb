import type { EventBus, NodeMessage } from '../../events/index.ts';
import type { Logger } from '../../log/index.ts';
import type { Store } from '../../store/index.ts';

/** How often the proxied apps are reported: well under any idle threshold (`SPAWN_IDLE_PAUSE_SECONDS`). */
const REPORT_EVERY_MS = 1_000;
/** A wake request is sent again this often while unanswered (a message lost, a worker restarting). */
const WAKE_RESEND_MS = 2_000;
/** After this long without an answer the request goes through anyway (and gets the 502 page). */
const WAKE_TIMEOUT_MS = 20_000;
/** Apps with no request for this long are forgotten (their state is read again on the next one). */
const FORGET_AFTER_MS = 3_600_000;

interface Seen {
  paused: boolean;
  inFlight: number;
  lastMs: number;
}

/**
 * The app proxy's activity hook (AppActivityHook, structurally: the proxy sits below this module)
 * when the nodes share a Redis bus: the worker that holds an api
 * app is (in general) another process, so the requests this node proxies are reported to it over
 * the bus once a second, and a request for a paused app asks for a wake and waits for the
 * worker's `app.awake`. Workers announce `app.paused`, so a request never waits on a stale belief:
 * if one was already forwarded to an app that just paused, the wake goes out at once.
 */
export class BusActivityReporter {
  readonly #apps = new Map<string, Seen>();
  readonly #touched = new Set<string>();
  readonly #waking = new Map<string, { done: Promise<void>; resolve: () => void }>();
  readonly #timer: NodeJS.Timeout;
  #unsubscribe: (() => void) | undefined;

  private constructor(
    private readonly bus: EventBus,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {
    this.#timer = setInterval(() => this.#report(), REPORT_EVERY_MS);
    this.#timer.unref();
  }

  static async start(bus: EventBus, store: Store, logger: Logger): Promise<BusActivityReporter> {
    const reporter = new BusActivityReporter(bus, store, logger);
    reporter.#unsubscribe = await bus.subscribeNodes((message) => reporter.#onMessage(message));
    return reporter;
  }

  proxyAttached(): void {
    // Workers learn that requests are reported from the bus itself (see linkActivityToNodes).
  }

  requestStarted(sessionId: string): Promise<void> | undefined {
    this.#touched.add(sessionId);
    const known = this.#apps.get(sessionId);
    if (known) {
      known.inFlight += 1;
      known.lastMs = Date.now();
      return known.paused ? this.#wake(sessionId) : undefined;
    }
    // First request for this app on this node: ask the store whether it is paused.
    const app: Seen = { paused: false, inFlight: 1, lastMs: Date.now() };
    this.#apps.set(sessionId, app);
    return this.store.pauses.openSince(sessionId).then((since) => {
      if (since) app.paused = true;
      return app.paused ? this.#wake(sessionId) : undefined;
    });
  }

  requestEnded(sessionId: string): void {
    const app = this.#apps.get(sessionId);
    if (app) app.inFlight = Math.max(0, app.inFlight - 1);
    this.#touched.add(sessionId);
  }

  close(): void {
    clearInterval(this.#timer);
    this.#unsubscribe?.();
    for (const waiting of this.#waking.values()) waiting.resolve();
  }

  #onMessage(message: NodeMessage): void {
    if (message.type !== 'app.paused' && message.type !== 'app.awake') return;
    const app = this.#apps.get(message.sessionId);
    if (message.type === 'app.awake') {
      if (app) app.paused = false;
      this.#waking.get(message.sessionId)?.resolve();
      return;
    }
    if (!app) return;
    app.paused = true;
    // Requests forwarded just before the pause are stuck in the frozen app: wake it for them.
    if (app.inFlight > 0) void this.#wake(message.sessionId);
  }

  #wake(sessionId: string): Promise<void> {
    const pending = this.#waking.get(sessionId);
    if (pending) return pending.done;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const ask = (): void => void this.bus.publishToNodes({ type: 'app.wake', sessionId }).catch((err: unknown) => this.logger.warn({ err, sessionId }, 'asking to wake an app failed'));
    const resend = setInterval(ask, WAKE_RESEND_MS);
    const timeout = setTimeout(() => {
      this.logger.warn({ sessionId }, `no worker woke the app within ${WAKE_TIMEOUT_MS / 1000} s`);
      resolve();
    }, WAKE_TIMEOUT_MS);
    this.#waking.set(sessionId, { done, resolve });
    ask();
    return done.finally(() => {
      clearInterval(resend);
      clearTimeout(timeout);
      this.#waking.delete(sessionId);
    });
  }

  #report(): void {
    const now = Date.now();
    for (const [id, app] of this.#apps) {
      if (app.inFlight > 0) this.#touched.add(id);
      else if (now - app.lastMs > FORGET_AFTER_MS) this.#apps.delete(id);
    }
    if (this.#touched.size === 0) return;
    const sessionIds = [...this.#touched];
    this.#touched.clear();
    this.bus.publishToNodes({ type: 'app.active', sessionIds }).catch((err: unknown) => this.logger.debug({ err }, 'reporting app activity failed'));
  }
}
