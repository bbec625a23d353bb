/**
 * Base of the periodic passes (reconciler, task sweeper, app supervisor): `pass()` runs every
 * `intervalMs` (and at start, unless told otherwise), never overlapping itself — a call while a
 * pass is in progress shares it. A failing pass is reported and the next one still runs: the
 * correctness of these loops never depends on a single pass succeeding.
 */
export abstract class PeriodicTask {
  readonly #intervalMs: number;
  readonly #onError: (err: unknown) => void;
  readonly #runAtStart: boolean;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  protected constructor(intervalMs: number, onError: (err: unknown) => void, options: { runAtStart?: boolean } = {}) {
    this.#intervalMs = intervalMs;
    this.#onError = onError;
    this.#runAtStart = options.runAtStart ?? true;
  }

  protected abstract pass(): Promise<void>;

  start(): void {
    if (this.#runAtStart) void this.runOnce();
    this.#timer = setInterval(() => void this.runOnce(), this.#intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** One pass; overlapping calls share the pass in progress. */
  runOnce(): Promise<void> {
    this.#running ??= this.pass()
      .catch(this.#onError)
      .finally(() => (this.#running = undefined));
    return this.#running;
  }
}
