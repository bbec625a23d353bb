import type { Logger } from '../../log/index.ts';
import type { ResourceLimits } from './container-spec.ts';

export interface PoolShape extends ResourceLimits {
  tier: string;
  network: 'none' | 'outbound';
}

export interface WarmPoolHooks {
  /** Creates and starts one idle container for this shape; resolves with its id. */
  start(shape: PoolShape): Promise<string>;
  remove(id: string): Promise<void>;
}

export function poolKey(shape: Pick<PoolShape, 'tier' | 'network'>): string {
  return `${shape.tier}/${shape.network}`;
}

/**
 * Pre-started idle containers per tier and network mode. A taken container belongs to one session
 * and is never returned: the pool only grows by starting fresh ones, one at a time per shape (two
 * cores; a burst of starts would slow the claims it is meant to speed up).
 */
export class WarmPool {
  readonly #ready = new Map<string, string[]>();
  readonly #shapes = new Map<string, PoolShape>();
  readonly #filling = new Map<string, Promise<void>>();
  #closed = false;

  constructor(
    private readonly size: number,
    private readonly hooks: WarmPoolHooks,
    private readonly logger: Logger,
  ) {}

  /** Takes a ready container for this shape, or undefined (cold start); call refill() after. */
  take(shape: PoolShape): string | undefined {
    return this.#ready.get(poolKey(shape))?.shift();
  }

  /** Starts filling this shape's pool in the background; resolves when it is full (or failed). */
  refill(shape: PoolShape): Promise<void> {
    if (this.size <= 0 || this.#closed) return Promise.resolve();
    const key = poolKey(shape);
    if (!this.#shapes.has(key)) this.#shapes.set(key, shape);
    let filling = this.#filling.get(key);
    if (!filling) {
      filling = this.#fill(key).finally(() => this.#filling.delete(key));
      this.#filling.set(key, filling);
    }
    return filling;
  }

  /** Resolves when no refill is running (tests and start-up use it). */
  async idle(): Promise<void> {
    while (this.#filling.size > 0) await Promise.all(this.#filling.values());
  }

  /** Stops refilling and removes every unclaimed container. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.idle();
    const ids = [...this.#ready.values()].flat();
    this.#ready.clear();
    await Promise.all(
      ids.map((id) =>
        this.hooks.remove(id).catch((err: unknown) => this.logger.warn({ err, id }, 'pool container removal failed')),
      ),
    );
  }

  async #fill(key: string): Promise<void> {
    const shape = this.#shapes.get(key);
    if (!shape) return;
    const ready = this.#ready.get(key) ?? [];
    this.#ready.set(key, ready);
    while (!this.#closed && ready.length < this.size) {
      try {
        const id = await this.hooks.start(shape);
        if (this.#closed) {
          await this.hooks.remove(id).catch(() => undefined);
          return;
        }
        ready.push(id);
      } catch (err) {
        this.logger.warn({ err, pool: key }, 'warm pool refill failed; claims cold-start until the next refill');
        return;
      }
    }
  }
}
