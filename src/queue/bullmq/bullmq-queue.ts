import { Queue, WaitingError, Worker, type Job, type JobsOptions } from 'bullmq';
import { SpawnError } from '../../errors/index.ts';
import { connectRedis, type Redis } from '../../redis/index.ts';
import type { EnqueueOptions, JobData, JobHandler, JobName, JobQueue, QueueOptions, WorkerOptions } from '../job-queue.ts';
import {
  BACKOFF_JITTER,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_CLOSE_TIMEOUT_MS,
  checkPositiveInteger,
  withTimeout,
} from '../queue-support.ts';

const KEY_PREFIX = 'spawnai';
const DEFAULT_NAME = 'jobs';
const DEFAULT_LOCK_DURATION_MS = 30_000;
const DEFAULT_STALLED_INTERVAL_MS = 15_000;
const OP_TIMEOUT_MS = 5_000;
const PING_TIMEOUT_MS = 1_000;
// A job whose worker died twice in a row is more likely killing its workers than unlucky.
const MAX_STALLED_COUNT = 2;
// Finished jobs are history only (the database is the source of truth): keep a bounded tail.
const KEEP_COMPLETED = { age: 3_600, count: 1_000 };
const KEEP_FAILED = { age: 7 * 24 * 3_600, count: 5_000 };

// Redis errors are retried by ioredis and surface as timeouts of enqueue()/ping(); BullMQ re-emits
// them as 'error' events, which would crash the process if nobody listened.
const ignoreError = (): void => {};

/**
 * BullMQ on Redis: any number of processes on any hosts share the jobs of one queue name. Keys are
 * `spawnai:<name>:*`. A worker killed mid-job loses its lock after `lockDurationMs`; another
 * worker's stalled check (every `stalledIntervalMs`) puts the job back in the wait list.
 */
export class BullmqQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  readonly #redisUrl: string;
  readonly #name: string;
  readonly #backoffMs: number;
  readonly #lockDurationMs: number;
  readonly #stalledIntervalMs: number;
  readonly #closeTimeoutMs: number;
  readonly #shutdownGraceMs: number;
  readonly #connections: Redis[] = [];
  #queue: Queue | undefined;
  #queueConnection: Redis | undefined;
  #ready: Promise<Queue> | undefined;
  #worker: Worker | undefined;
  #closing: Promise<void> | undefined;
  /** The limit setIntake set (null: only the worker's concurrency), and the jobs running now. */
  #intake: number | null = null;
  #active = 0;

  constructor(options: QueueOptions & { redisUrl: string }) {
    this.#redisUrl = options.redisUrl;
    this.#name = options.name ?? DEFAULT_NAME;
    if (this.#name.includes(':')) throw new RangeError(`queue name must not contain ':', got "${this.#name}"`);
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.#lockDurationMs = options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS;
    this.#stalledIntervalMs = options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
    this.#shutdownGraceMs = options.shutdownGraceMs ?? 0;
  }

  async enqueue(name: JobName, data: JobData, options: EnqueueOptions = {}): Promise<void> {
    const queue = await this.#open();
    await withTimeout(queue.add(name, data, this.#jobOptions(options)), OP_TIMEOUT_MS, 'enqueue');
  }

  async process(handler: JobHandler, options: WorkerOptions): Promise<void> {
    if (this.#worker) throw new Error('process() was already called on this queue');
    if (this.#closing) throw new Error('the job queue is closed');
    const worker = new Worker<JobData, void, string>(
      this.#name,
      (job, token, signal) => this.#run(handler, job, token, signal),
      {
        // Workers block on Redis; BullMQ requires unlimited retries on their connection.
        connection: this.#connect(null),
        prefix: KEY_PREFIX,
        concurrency: checkPositiveInteger(options.concurrency, 'concurrency'),
        lockDuration: this.#lockDurationMs,
        stalledInterval: this.#stalledIntervalMs,
        maxStalledCount: MAX_STALLED_COUNT,
      },
    );
    worker.on('error', ignoreError);
    this.#worker = worker;
    await withTimeout(worker.waitUntilReady(), OP_TIMEOUT_MS, 'the worker connection');
  }

  async setIntake(limit: number): Promise<void> {
    const worker = this.#worker;
    if (!worker || this.#closing) return;
    this.#intake = Math.max(0, Math.floor(limit));
    if (limit < 1) {
      // true: the active jobs are not awaited, they go on under their locks.
      if (!worker.isPaused()) await worker.pause(true);
      return;
    }
    worker.concurrency = Math.floor(limit);
    if (worker.isPaused()) worker.resume();
  }

  async depth(): Promise<number> {
    const queue = await this.#open();
    const counts = await withTimeout(queue.getJobCounts('waiting', 'delayed', 'prioritized'), OP_TIMEOUT_MS, 'depth');
    return (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
  }

  async ping(): Promise<boolean> {
    try {
      await withTimeout(this.#open(), PING_TIMEOUT_MS, 'ping');
      const client = this.#queueConnection;
      return client !== undefined && (await withTimeout(client.ping(), PING_TIMEOUT_MS, 'ping')) === 'PONG';
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  #open(): Promise<Queue> {
    if (this.#closing) return Promise.reject(new SpawnError('QUEUE_UNAVAILABLE', 'the job queue is closed'));
    this.#ready ??= this.#createQueue()
      .waitUntilReady()
      .then(
        () => this.#createQueue(),
        (err: unknown) => {
          this.#ready = undefined;
          throw err;
        },
      );
    return withTimeout(this.#ready, OP_TIMEOUT_MS, 'the queue connection');
  }

  #createQueue(): Queue {
    if (!this.#queue) {
      this.#queueConnection = this.#connect(3);
      this.#queue = new Queue(this.#name, {
        connection: this.#queueConnection,
        prefix: KEY_PREFIX,
        defaultJobOptions: { removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
      });
      this.#queue.on('error', ignoreError);
    }
    return this.#queue;
  }

  #connect(maxRetriesPerRequest: number | null): Redis {
    const connection = connectRedis(this.#redisUrl, { maxRetriesPerRequest, connectTimeoutMs: OP_TIMEOUT_MS });
    this.#connections.push(connection);
    return connection;
  }

  #jobOptions(options: EnqueueOptions): JobsOptions {
    return {
      delay: options.delayMs,
      attempts: checkPositiveInteger(options.attempts ?? DEFAULT_ATTEMPTS, 'attempts'),
      backoff: { type: 'exponential', delay: this.#backoffMs, jitter: BACKOFF_JITTER },
      // Deduplication rather than a custom BullMQ jobId: a jobId stays taken while the finished job
      // is kept as history, but the contract frees the key as soon as the job is no longer pending.
      ...(options.jobId === undefined ? {} : { deduplication: { id: options.jobId } }),
    };
  }

  async #run(handler: JobHandler, job: Job<JobData, void, string>, token?: string, signal?: AbortSignal): Promise<void> {
    const context = {
      name: job.name as JobName,
      data: job.data,
      attempt: job.attemptsMade + 1,
      signal: signal ?? new AbortController().signal,
    };
    // A fetch already blocked on Redis when the intake was lowered, the worker paused or closed
    // (a draining host) still takes the next job that arrives: it goes back to the queue.
    if ((this.#closing || (this.#intake !== null && this.#active >= this.#intake)) && token) {
      await job.moveToWait(token);
      throw new WaitingError();
    }
    this.#active++;
    try {
      await handler(context);
    } catch (err) {
      // Interrupted by our own shutdown: hand the job back without spending one of its attempts.
      if (this.#closing && signal?.aborted && token) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      throw err;
    } finally {
      this.#active--;
    }
  }

  async #shutdown(): Promise<void> {
    const worker = this.#worker;
    if (worker) {
      // close() fetches no more jobs and waits for the active ones (their locks still renewed);
      // those still running after the grace period are aborted and #run hands them back.
      const closed = worker.close();
      const finished = this.#shutdownGraceMs > 0 && (await withTimeout(closed, this.#shutdownGraceMs, 'the active jobs').then(() => true, () => false));
      if (!finished) {
        worker.cancelAllJobs('the job queue is closing');
        await withTimeout(closed, this.#closeTimeoutMs, 'closing the worker').catch(ignoreError);
      }
    }
    await withTimeout(this.#queue?.close() ?? Promise.resolve(), OP_TIMEOUT_MS, 'closing the queue').catch(ignoreError);
    for (const connection of this.#connections) connection.disconnect();
  }
}
