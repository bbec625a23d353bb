import { traceContextCarrier, withSpan, withTraceContext } from '../telemetry/index.ts';
import type { EnqueueOptions, JobData, JobHandler, JobName, JobQueue, WorkerOptions } from './job-queue.ts';

/**
 * One queue per region for the work that needs a host (`session.run` jobs carrying `region`),
 * beside the shared queue for everything else. A worker consumes the shared queue and its own
 * region's, so a burst in `fra1` waits for `fra1` hosts instead of running in `nyc1`.
 *
 * It is also where a job carries its trace: `enqueue` adds the active W3C trace context to the
 * job's data (`traceparent`; nothing when tracing is off) and `process` runs every job in a
 * `job <name>` span continuing it, so a session's trace goes from the API request to the worker.
 */
export class RegionalQueue implements JobQueue {
  readonly kind: JobQueue['kind'];
  readonly #base: JobQueue;
  readonly #regions: ReadonlyMap<string, JobQueue>;
  readonly #own: string | null;

  constructor(base: JobQueue, regions: ReadonlyMap<string, JobQueue>, ownRegion: string | null) {
    this.kind = base.kind;
    this.#base = base;
    this.#regions = regions;
    this.#own = ownRegion;
  }

  enqueue(name: JobName, data: JobData, options?: EnqueueOptions): Promise<void> {
    const regional = name === 'session.run' && typeof data.region === 'string' ? this.#regions.get(data.region) : undefined;
    return (regional ?? this.#base).enqueue(name, { ...data, ...traceContextCarrier() }, options);
  }

  async process(jobHandler: JobHandler, options: WorkerOptions): Promise<void> {
    const handler: JobHandler = (job) =>
      withTraceContext(job.data, () => withSpan(`job ${job.name}`, { 'spawn.job.name': job.name, 'spawn.job.attempt': job.attempt, 'spawn.session.id': job.data.sessionId }, () => jobHandler(job)));
    await this.#base.process(handler, options);
    const own = this.#own ? this.#regions.get(this.#own) : undefined;
    await own?.process(handler, options);
  }

  /**
   * Applies to this worker's region queue only: a host's room is about `session.run` work; the
   * shared queue's jobs (destroy, expiry, webhooks) keep flowing on a full host.
   */
  async setIntake(limit: number): Promise<void> {
    const own = this.#own ? this.#regions.get(this.#own) : undefined;
    await own?.setIntake?.(limit);
  }

  async waitingForIntake(): Promise<number> {
    const own = this.#own ? this.#regions.get(this.#own) : undefined;
    return own ? own.depth() : 0;
  }

  async depth(): Promise<number> {
    const depths = await Promise.all([this.#base, ...this.#regions.values()].map((q) => q.depth()));
    return depths.reduce((a, b) => a + b, 0);
  }

  /** Jobs waiting in each region's queue. */
  async depthByRegion(): Promise<Record<string, number>> {
    const entries = await Promise.all([...this.#regions].map(async ([region, q]) => [region, await q.depth()] as const));
    return Object.fromEntries(entries);
  }

  ping(): Promise<boolean> {
    return this.#base.ping();
  }

  async close(): Promise<void> {
    await Promise.all([this.#base, ...this.#regions.values()].map((q) => q.close()));
  }
}
