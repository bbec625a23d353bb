/**
 * Dispatches jobs to workers. The database stays the source of truth: a job only says "look at
 * session X", so every handler is idempotent and a lost job is recovered by the reconciler.
 * Contracts carry no backend type (no Redis connection, no BullMQ Job).
 */
export const JOB_NAMES = ['session.run', 'session.destroy', 'session.expire', 'session.edit', 'task.run', 'webhook.deliver'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobData {
  /** The session the job is about (`task.run` jobs carry the task id here and in `taskId`). */
  sessionId: string;
  [key: string]: unknown;
}

export interface EnqueueOptions {
  /** Run no earlier than this many ms from now (TTL destruction). */
  delayMs?: number;
  /** Deduplication key: a second enqueue with the same id while the first is pending is a no-op. */
  jobId?: string;
  /** Total attempts including the first (default 3), retried with exponential backoff. */
  attempts?: number;
}

export interface JobContext {
  name: JobName;
  data: JobData;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the worker shuts down. */
  signal: AbortSignal;
}

export type JobHandler = (job: JobContext) => Promise<void>;

export interface WorkerOptions {
  concurrency: number;
}

export interface JobQueue {
  readonly kind: 'memory' | 'bullmq';
  enqueue(name: JobName, data: JobData, options?: EnqueueOptions): Promise<void>;
  /** Starts consuming jobs in this process. Call at most once. */
  process(handler: JobHandler, options: WorkerOptions): Promise<void>;
  /** Jobs waiting or delayed (not counting active ones). */
  depth(): Promise<number>;
  ping(): Promise<boolean>;
  /**
   * How many jobs this process runs at once from now on (the worker's `concurrency`): a fleet
   * host sets it from its room, and 0 stops it taking new jobs (the active ones go on), so the
   * rest wait in the queue for a host with room. No-op before process().
   */
  setIntake?(limit: number): Promise<void>;
  /** Jobs waiting for what setIntake governs (a regional queue: its own region's queue only). */
  waitingForIntake?(): Promise<number>;
  /**
   * Stops taking jobs at once; active jobs get `shutdownGraceMs` to finish, then their signal is
   * aborted and they are awaited (a job given up this way goes back to the queue, its attempt not
   * spent, for another worker); then disconnects.
   */
  close(): Promise<void>;
}

export interface QueueOptions {
  /** `redis://…` selects BullMQ; otherwise the in-process queue. */
  redisUrl?: string;
  /** Queue name (BullMQ key prefix); tests use unique names. */
  name?: string;
  /** Base backoff between attempts in ms (default 1000; exponential). */
  backoffMs?: number;
  /**
   * BullMQ only: how long a worker's lock on an active job lasts (default 30 000 ms; renewed every
   * half of it while the job runs). A worker that dies mid-job leaves its job locked this long.
   */
  lockDurationMs?: number;
  /**
   * BullMQ only: how often workers look for jobs whose lock expired and put them back in the wait
   * list (default 15 000 ms). A dead worker's job is re-run after at most lockDurationMs + this.
   */
  stalledIntervalMs?: number;
  /** How long `close()` lets active jobs run on before aborting their signals (default 0). */
  shutdownGraceMs?: number;
  /** How long `close()` waits for active jobs after aborting their signals (default 10 000 ms). */
  closeTimeoutMs?: number;
}
