import { BullmqQueue } from './bullmq/bullmq-queue.ts';
import type { JobQueue, QueueOptions } from './job-queue.ts';
import { MemoryQueue } from './memory/memory-queue.ts';
import { RegionalQueue } from './regional-queue.ts';

/**
 * The one place a queue implementation is chosen: BullMQ when `redisUrl` is set, else the
 * in-process queue. Nothing connects until the queue is first used.
 *
 * @example
 * const queue = createQueue({ redisUrl: config.redisUrl, name: 'jobs' });
 * await queue.process(async (job) => runSession(job.data.sessionId, job.signal), { concurrency: 4 });
 */
export function createQueue(options: QueueOptions = {}): JobQueue {
  const { redisUrl } = options;
  if (redisUrl) return new BullmqQueue({ ...options, redisUrl });
  return new MemoryQueue(options);
}

/**
 * The shared queue plus one queue per served region (`<name>-r-<region>`); `ownRegion` is the
 * region whose work this node takes (null on API-only nodes).
 */
export function createRegionalQueue(options: QueueOptions, regions: readonly string[], ownRegion: string | null): RegionalQueue {
  const name = options.name ?? 'jobs';
  const perRegion = new Map(regions.map((r) => [r, createQueue({ ...options, name: `${name}-r-${r}` })] as const));
  return new RegionalQueue(createQueue(options), perRegion, ownRegion);
}
