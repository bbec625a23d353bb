/**
 * A pass that runs at start and then every `intervalMs`, never overlapping itself: a call while
 * a pass is in progress shares it. A failing pass is reported and the next one still runs — the
 * correctness of reconcilers and sweepers never depends on a single pass succeeding.
 */
export class PeriodicTask {
  readonly #pass: () => Promise<void>;
  readonly #intervalMs: number;
  readonly #onError: (err: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(pass: () => Promise<void>, intervalMs: number, onError: (err: unknown) => void) {
    this.#pass = pass;
    this.#intervalMs = intervalMs;
    this.#onError = onError;
  }

  start(): void {
    void this.runOnce();
    this.#timer = setInterval(() => void this.runOnce(), this.#intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  runOnce(): Promise<void> {
    this.#running ??= this.#pass()
      .catch(this.#onError)
      .finally(() => (this.#running = undefined));
    return this.#running;
  }
}
