import { BullmqQueue } from './bullmq/bullmq-queue.ts';
import type { JobQueue, QueueOptions } from './job-queue.ts';
import { MemoryQueue } from './memory/memory-queue.ts';

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
