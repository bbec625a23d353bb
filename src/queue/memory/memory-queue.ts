import { SpawnError } from '../../errors/index.ts';
import type { EnqueueOptions, JobData, JobHandler, JobName, JobQueue, QueueOptions, WorkerOptions } from '../job-queue.ts';
import {
  BACKOFF_JITTER,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_CLOSE_TIMEOUT_MS,
  backoffDelayMs,
  checkPositiveInteger,
} from '../queue-support.ts';

interface MemoryJob {
  readonly name: JobName;
  readonly data: JobData;
  readonly dedupeId: string | undefined;
  readonly attempts: number;
  attempt: number;
}

interface ActiveJob {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * The embedded queue: jobs live in this process only. Jobs enqueued before `process()` wait for
 * it; nothing survives `close()` or a crash (the reconciler re-drives sessions from the database).
 */
export class MemoryQueue implements JobQueue {
  readonly kind = 'memory' as const;
  readonly #backoffMs: number;
  readonly #closeTimeoutMs: number;
  readonly #shutdownGraceMs: number;
  readonly #waiting: MemoryJob[] = [];
  readonly #timers = new Map<MemoryJob, NodeJS.Timeout>();
  readonly #active = new Map<MemoryJob, ActiveJob>();
  readonly #dedupeIds = new Set<string>();
  #handler: JobHandler | undefined;
  #concurrency = 0;
  #closed = false;
  /** Set while active jobs finish within the grace: what they enqueue is accepted and dropped. */
  #finishing = false;

  constructor(options: QueueOptions = {}) {
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
    this.#shutdownGraceMs = options.shutdownGraceMs ?? 0;
  }

  async enqueue(name: JobName, data: JobData, options: EnqueueOptions = {}): Promise<void> {
    if (this.#finishing) return;
    if (this.#closed) throw new SpawnError('QUEUE_UNAVAILABLE', 'the job queue is closed');
    const attempts = checkPositiveInteger(options.attempts ?? DEFAULT_ATTEMPTS, 'attempts');
    const dedupeId = options.jobId;
    if (dedupeId !== undefined) {
      if (this.#dedupeIds.has(dedupeId)) return;
      this.#dedupeIds.add(dedupeId);
    }
    // Cloned so a handler sees what was enqueued, as it would after BullMQ's JSON round trip.
    const job: MemoryJob = { name, data: structuredClone(data), dedupeId, attempts, attempt: 1 };
    this.#schedule(job, options.delayMs ?? 0);
  }

  async process(handler: JobHandler, options: WorkerOptions): Promise<void> {
    if (this.#handler) throw new Error('process() was already called on this queue');
    this.#concurrency = checkPositiveInteger(options.concurrency, 'concurrency');
    this.#handler = handler;
    this.#drain();
  }

  async depth(): Promise<number> {
    return this.#waiting.length + this.#timers.size;
  }

  async ping(): Promise<boolean> {
    return !this.#closed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#waiting.length = 0;
    this.#dedupeIds.clear();
    const running = [...this.#active.values()];
    const allDone = Promise.allSettled(running.map((job) => job.done));
    // Nothing new starts (#drain checks #closed); the active jobs may finish within the grace.
    // Follow-up jobs they enqueue (a TTL) would be lost with this process anyway: the reconciler
    // re-drives them from the database, so they are accepted and dropped rather than failing.
    this.#finishing = running.length > 0 && this.#shutdownGraceMs > 0;
    const finished = this.#finishing && (await settlesWithin(allDone, this.#shutdownGraceMs));
    if (!finished) {
      for (const job of running) job.controller.abort(new Error('the job queue is closing'));
      await settlesWithin(allDone, this.#closeTimeoutMs);
    }
    this.#finishing = false;
  }

  #schedule(job: MemoryJob, delayMs: number): void {
    if (delayMs <= 0) {
      this.#waiting.push(job);
      this.#drain();
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(job);
      this.#waiting.push(job);
      this.#drain();
    }, delayMs);
    timer.unref();
    this.#timers.set(job, timer);
  }

  async setIntake(limit: number): Promise<void> {
    if (!this.#handler) return;
    this.#concurrency = Math.max(0, Math.floor(limit));
    this.#drain();
  }

  #drain(): void {
    const handler = this.#handler;
    while (handler && !this.#closed && this.#active.size < this.#concurrency) {
      const job = this.#waiting.shift();
      if (!job) return;
      this.#run(job, handler);
    }
  }

  #run(job: MemoryJob, handler: JobHandler): void {
    const controller = new AbortController();
    const context = { name: job.name, data: job.data, attempt: job.attempt, signal: controller.signal };
    const done = Promise.resolve()
      .then(() => handler(context))
      .then(
        () => this.#release(job),
        (err: unknown) => this.#retryOrDrop(job, err),
      )
      .finally(() => {
        this.#active.delete(job);
        this.#drain();
      });
    this.#active.set(job, { controller, done });
  }

  #retryOrDrop(job: MemoryJob, err: unknown): void {
    if (this.#closed) return;
    if (job.attempt < job.attempts) {
      const delayMs = backoffDelayMs(this.#backoffMs, job.attempt, BACKOFF_JITTER);
      job.attempt += 1;
      this.#schedule(job, delayMs);
      return;
    }
    this.#release(job);
    // Handlers record failures on the session themselves; this only makes a bug visible.
    const reason = err instanceof Error ? err.message : String(err);
    process.emitWarning(`job ${job.name} failed after ${job.attempts} attempts: ${reason}`, { code: 'SPAWNAI_JOB_FAILED' });
  }

  #release(job: MemoryJob): void {
    if (job.dedupeId !== undefined) this.#dedupeIds.delete(job.dedupeId);
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
