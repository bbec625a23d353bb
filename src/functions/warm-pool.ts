import type { FunctionVersionRecord } from '../store/index.ts';
import type { RunnerFile } from './files/index.ts';
import type { InvokeOutcome } from './invoke-outcome.ts';
import { WarmRuntime, type WarmRuntimeDeps } from './warm-runtime.ts';
import { withSpan } from '../telemetry/index.ts';

export interface WarmPoolLimits {
  /** Idle runtimes kept, at most (0: every call starts a fresh runtime). */
  maxRuntimes: number;
  /** …and at most this much memory, summed over their limits. */
  maxMemoryMb: number;
  /** Idle runtimes older than this are destroyed by `sweep()`. */
  idleMs: number;
}

export type PooledOutcome = InvokeOutcome & { warm: boolean; runtimeId: string };

/**
 * Ready runtimes per (owner, function version), least recently used first. A call takes an idle
 * runtime of its key or starts one (a cold call); concurrent calls of one key get one runtime
 * each. Busy runtimes are never evicted, so the bounds hold for idle runtimes at all times and for
 * all of them whenever SPAWN_WORKER_CONCURRENCY is at most the count bound. A runtime that timed
 * out or died is destroyed, never reused.
 */
export class WarmPool {
  readonly #deps: WarmRuntimeDeps;
  readonly #limits: WarmPoolLimits;
  /** LRU order: index 0 is the least recently used. */
  #runtimes: WarmRuntime[] = [];
  #closed = false;

  constructor(deps: WarmRuntimeDeps, limits: WarmPoolLimits) {
    this.#deps = deps;
    this.#limits = limits;
  }

  get size(): number {
    return this.#runtimes.length;
  }

  has(runtimeId: string): boolean {
    return this.#runtimes.some((r) => r.id === runtimeId);
  }

  async invoke(fn: FunctionVersionRecord, inputs: unknown, timeoutMs: number, signal?: AbortSignal, files: RunnerFile[] = []): Promise<PooledOutcome> {
    if (this.#closed) throw new Error('the warm pool is closed');
    const key = `${fn.ownerId}\u0000${fn.functionId}\u0000${fn.version}`;
    let runtime = this.#runtimes.find((r) => r.key === key && !r.busy);
    const warm = runtime !== undefined;
    if (!runtime) {
      runtime = new WarmRuntime(this.#deps, fn, key);
      this.#runtimes.push(runtime);
    }
    runtime.busy = true;
    let outcome: InvokeOutcome;
    try {
      // A cold call's sandbox start is its own span (a child of the call's `sandbox run`).
      if (!warm) await withSpan('runtime start', { 'spawn.function.id': fn.functionId }, () => runtime.start());
      outcome = await runtime.invoke(inputs, timeoutMs, signal, files);
    } catch (err) {
      await this.#drop(runtime);
      throw err;
    }
    if (outcome.kind === 'timeout' || outcome.kind === 'crashed' || this.#closed) {
      // It may be stuck in a loop or half dead: a fresh runtime serves the next call.
      await this.#drop(runtime);
    } else {
      runtime.busy = false;
      runtime.lastUsedMs = Date.now();
      this.#runtimes = [...this.#runtimes.filter((r) => r !== runtime), runtime];
      await this.#evict();
    }
    return { ...outcome, warm, runtimeId: runtime.id };
  }

  /** Destroys idle runtimes past the idle limit and refreshes the heartbeat of the others. */
  async sweep(): Promise<void> {
    const cutoff = Date.now() - this.#limits.idleMs;
    for (const runtime of this.#runtimes.filter((r) => !r.busy && r.lastUsedMs < cutoff)) await this.#drop(runtime);
    await this.#deps.store.functionRuntimes.touchWorker(this.#deps.workerId);
  }

  /** Destroys every idle runtime (the next call of each function is cold again). */
  async clear(): Promise<void> {
    for (const runtime of this.#runtimes.filter((r) => !r.busy)) await this.#drop(runtime);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.clear();
  }

  async #evict(): Promise<void> {
    const memoryMb = (): number => this.#runtimes.reduce((sum, r) => sum + r.memoryMb, 0);
    while (this.#runtimes.length > this.#limits.maxRuntimes || memoryMb() > this.#limits.maxMemoryMb) {
      const victim = this.#runtimes.find((r) => !r.busy);
      if (!victim) return;
      await this.#drop(victim);
    }
  }

  async #drop(runtime: WarmRuntime): Promise<void> {
    this.#runtimes = this.#runtimes.filter((r) => r !== runtime);
    await runtime.destroy();
  }
}
