import { availableParallelism } from 'node:os';

export type StartPriority = 'session' | 'pool';

export interface StartGateStats {
  /** Container starts allowed at once on this node. */
  limit: number;
  /** Most starts seen running at once since the gate was made. */
  peak: number;
  running: number;
  queued: number;
}

interface Waiter {
  priority: StartPriority;
  resolve: () => void;
}

/**
 * Caps the cold `docker create` + `start` (and the launcher's Node start) running at once on this
 * node. Fifty at once on two cores made every one slow and the Engine timed some out after 15 s;
 * queued, each start is quick and a waiter waits instead of timing out (the API timeouts start
 * only once a start has its slot).
 *
 * Sessions go first: a pool refill takes a slot only when no session waits for one and no claimed
 * sandbox is still starting its app (`sessionStarting`), so the replacement container the pool
 * starts behind a claim does not compete with that claim's app for the same cores. A claim that
 * never reports its app's readiness holds refills back for `settleMs` at most.
 */
export class StartGate {
  readonly #limit: number;
  readonly #settleMs: number;
  readonly #queue: Waiter[] = [];
  #running = 0;
  #peak = 0;
  #starting = 0;

  constructor(options: { limit?: number; settleMs?: number } = {}) {
    this.#limit = Math.max(1, options.limit ?? Math.max(2, availableParallelism()));
    this.#settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  }

  /** Runs `start` once it has a slot: sessions before pool refills, each in arrival order. */
  async run<T>(priority: StartPriority, start: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.#queue.push({ priority, resolve });
      this.#pump();
    });
    try {
      return await start();
    } finally {
      this.#running--;
      this.#pump();
    }
  }

  /**
   * A session's sandbox is starting its app: refills wait until the returned function is called
   * (the app answered, or it failed) or `settleMs` passed. Calling it twice is harmless.
   */
  sessionStarting(): () => void {
    this.#starting++;
    let done = false;
    const release = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.#starting--;
      this.#pump();
    };
    const timer = setTimeout(release, this.#settleMs);
    timer.unref();
    return release;
  }

  stats(): StartGateStats {
    return { limit: this.#limit, peak: this.#peak, running: this.#running, queued: this.#queue.length };
  }

  #pump(): void {
    while (this.#running < this.#limit) {
      const index = this.#next();
      if (index < 0) return;
      const [waiter] = this.#queue.splice(index, 1);
      this.#running++;
      this.#peak = Math.max(this.#peak, this.#running);
      waiter?.resolve();
    }
  }

  /** The first waiting session; else the first refill, unless a session's app is still starting. */
  #next(): number {
    const session = this.#queue.findIndex((w) => w.priority === 'session');
    if (session >= 0) return session;
    return this.#starting > 0 ? -1 : this.#queue.findIndex((w) => w.priority === 'pool');
  }
}

/** Long enough for a claimed app to start on a busy host, short enough that the pool refills. */
const DEFAULT_SETTLE_MS = 2_000;
