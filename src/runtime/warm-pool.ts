import { availableParallelism } from 'node:os';
import type { Logger } from '../log/index.ts';
import { availableMemoryMb } from './host-memory.ts';

/** What a pooled sandbox looks like: a claim matches tier, network and limits exactly. */
export interface PoolShape {
  tier: string;
  network: 'none' | 'outbound';
  memoryMb: number;
  cpus: number;
  pids: number;
}

export interface PoolHooks<T> {
  /** Makes one idle sandbox of this shape. */
  start(shape: PoolShape): Promise<T>;
  remove(entry: T): Promise<void>;
}

export interface PoolSizing {
  /** Idle sandboxes kept per shape once it has been asked for, whatever the demand (SPAWN_POOL_SIZE). */
  min: number;
  /** Never more than this per shape (SPAWN_POOL_SIZE_MAX). */
  max: number;
  /** Claims counted over this window set the target: as many ready as arrived in it. */
  windowMs: number;
  /** Starts stop while the host has less than this much memory available (the host floor). */
  minFreeMemoryMb: number;
  /** Starts running at once, over all shapes (default: one per core, at least one). */
  concurrency: number;
}

export interface PoolStats {
  ready: Record<string, number>;
  claims: { hit: number; miss: number };
}

export function poolKey(shape: PoolShape): string {
  return `${shape.tier}/${shape.network}/${shape.memoryMb}/${shape.cpus}/${shape.pids}`;
}

export const DEFAULT_POOL_WINDOW_MS = 10_000;

/**
 * Pre-started idle sandboxes per shape, sized by demand: the target for a shape is the number of
 * claims in the last `windowMs` (a burst of 50 asks for 50), at least `min` and at most `max`,
 * and no start begins below the host memory floor. Refills run in parallel up to `concurrency`
 * (CPU-aware: on two cores a burst of starts would slow the claims it is meant to speed up). A
 * taken sandbox belongs to one session and never comes back.
 */
export class WarmPool<T> {
  readonly #ready = new Map<string, T[]>();
  readonly #shapes = new Map<string, PoolShape>();
  readonly #starting = new Map<string, number>();
  readonly #arrivals = new Map<string, number[]>();
  readonly #running = new Set<Promise<void>>();
  readonly #claims = { hit: 0, miss: 0 };
  readonly #sizing: PoolSizing;
  #active = 0;
  #closed = false;
  #trimTimer: NodeJS.Timeout | undefined;

  constructor(
    sizing: Partial<PoolSizing> & { min: number },
    private readonly hooks: PoolHooks<T>,
    private readonly logger: Logger,
  ) {
    const min = Math.max(0, sizing.min);
    this.#sizing = {
      max: Math.max(min, sizing.max ?? Math.max(min, 64)),
      windowMs: DEFAULT_POOL_WINDOW_MS,
      minFreeMemoryMb: 0,
      concurrency: Math.max(1, availableParallelism()),
      ...sizing,
      min,
    };
  }

  get enabled(): boolean {
    return this.#sizing.max > 0 && !this.#closed;
  }

  /** Takes a ready sandbox of this shape (undefined: the caller cold-starts) and refills behind it. */
  take(shape: PoolShape): T | undefined {
    if (!this.enabled) return undefined;
    const key = poolKey(shape);
    const now = Date.now();
    const arrivals = (this.#arrivals.get(key) ?? []).filter((t) => now - t < this.#sizing.windowMs);
    arrivals.push(now);
    this.#arrivals.set(key, arrivals);
    const entry = this.#ready.get(key)?.shift();
    this.#claims[entry === undefined ? 'miss' : 'hit']++;
    this.refill(shape);
    return entry;
  }

  /** How many idle sandboxes this shape should have now. */
  target(shape: PoolShape): number {
    const key = poolKey(shape);
    const now = Date.now();
    const recent = (this.#arrivals.get(key) ?? []).filter((t) => now - t < this.#sizing.windowMs).length;
    return Math.min(this.#sizing.max, Math.max(this.#sizing.min, recent));
  }

  /** Starts what this shape lacks, in the background; see idle(). */
  refill(shape: PoolShape): void {
    if (!this.enabled) return;
    const key = poolKey(shape);
    this.#shapes.set(key, shape);
    // One timer for the whole pool: once a burst has passed, what it left idle is removed.
    this.#trimTimer ??= setInterval(() => this.#trim(), this.#sizing.windowMs).unref();
    this.#pump();
  }

  /** Resolves when no start is running (tests, benchmarks, start-up). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
  }

  stats(): PoolStats {
    const ready: Record<string, number> = {};
    for (const [key, entries] of this.#ready) {
      const tier = this.#shapes.get(key)?.tier ?? key;
      ready[tier] = (ready[tier] ?? 0) + entries.length;
    }
    return { ready, claims: { ...this.#claims } };
  }

  /** Stops refilling and removes every unclaimed sandbox. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#trimTimer);
    await this.idle();
    const entries = [...this.#ready.values()].flat();
    this.#ready.clear();
    await Promise.all(entries.map((e) => this.hooks.remove(e).catch((err: unknown) => this.logger.warn({ err }, 'removing a pool sandbox failed'))));
  }

  /** Removes idle sandboxes above each shape's target (demand fell). */
  #trim(): void {
    for (const [key, shape] of this.#shapes) {
      const ready = this.#ready.get(key) ?? [];
      const extra = ready.splice(this.target(shape));
      for (const entry of extra) void this.hooks.remove(entry).catch((err: unknown) => this.logger.warn({ err }, 'removing a pool sandbox failed'));
    }
  }

  /** Starts sandboxes for the shapes furthest below target, up to the concurrency limit. */
  #pump(): void {
    while (!this.#closed && this.#active < this.#sizing.concurrency) {
      const shape = this.#neediest();
      if (!shape) return;
      if (availableMemoryMb() - shape.memoryMb < this.#sizing.minFreeMemoryMb) {
        this.logger.debug({ tier: shape.tier }, 'warm pool not refilled: host memory near its floor');
        return;
      }
      this.#startOne(shape);
    }
  }

  #neediest(): PoolShape | undefined {
    let best: { shape: PoolShape; missing: number } | undefined;
    for (const [key, shape] of this.#shapes) {
      const missing = this.target(shape) - (this.#ready.get(key)?.length ?? 0) - (this.#starting.get(key) ?? 0);
      if (missing > 0 && (!best || missing > best.missing)) best = { shape, missing };
    }
    return best?.shape;
  }

  #startOne(shape: PoolShape): void {
    const key = poolKey(shape);
    this.#active++;
    this.#starting.set(key, (this.#starting.get(key) ?? 0) + 1);
    const run = (async () => {
      try {
        const entry = await this.hooks.start(shape);
        if (this.#closed) await this.hooks.remove(entry).catch(() => undefined);
        else this.#ready.set(key, [...(this.#ready.get(key) ?? []), entry]);
        return true;
      } catch (err) {
        this.logger.warn({ err, pool: key }, 'warm pool refill failed; claims cold-start until the next refill');
        return false;
      } finally {
        this.#active--;
        this.#starting.set(key, (this.#starting.get(key) ?? 1) - 1);
      }
    })().then((ok) => {
      this.#running.delete(run);
      // After a failure, wait for the next claim rather than retrying in a loop.
      if (ok) this.#pump();
    });
    this.#running.add(run);
  }
}
