import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createQueue, type JobQueue, type QueueOptions } from '../../../src/queue/index.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';

/** One implementation of JobQueue as the shared suite sees it. */
export interface QueueTarget {
  label: string;
  available: boolean;
  /**
   * Whether two queue instances with the same name share one set of jobs. BullMQ: yes, that is
   * how several worker processes split the work. Memory: no, each instance is its own queue, so
   * "sharing" means the jobs of one instance spread over its own concurrent slots.
   */
  sharedAcrossInstances: boolean;
  /** Whether jobs survive the instance that ran them (a closed or killed worker's jobs run again). */
  durable: boolean;
  open(name: string, options?: Partial<QueueOptions>): JobQueue;
  /** Removes everything the queue name left behind (Redis keys). */
  cleanup(name: string): Promise<void>;
}

export const QUEUE_TARGETS: QueueTarget[] = [
  {
    label: 'memory',
    available: true,
    sharedAcrossInstances: false,
    durable: false,
    open: (name, options) => createQueue({ name, ...options }),
    cleanup: async () => {},
  },
  {
    label: 'bullmq',
    get available() {
      return requireService('redis');
    },
    sharedAcrossInstances: true,
    durable: true,
    open: (name, options) => createQueue({ redisUrl: REDIS_URL, name, ...options }),
    cleanup: async (name) => {
      const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
      const queue = new Queue(name, { connection, prefix: 'spawnai' });
      try {
        await queue.obliterate({ force: true });
      } finally {
        await queue.close();
        connection.disconnect();
      }
    },
  },
];

/** Opens queues for one test and closes + cleans all of them afterwards, even on failure. */
export function queueFixture(target: QueueTarget) {
  const opened: JobQueue[] = [];
  const names = new Set<string>();
  return {
    name: () => {
      const name = `test-${randomUUID()}`;
      names.add(name);
      return name;
    },
    open: (name: string, options?: Partial<QueueOptions>): JobQueue => {
      names.add(name);
      const queue = target.open(name, { backoffMs: 50, closeTimeoutMs: 5_000, ...options });
      opened.push(queue);
      return queue;
    },
    teardown: async () => {
      await Promise.allSettled(opened.splice(0).map((queue) => queue.close()));
      for (const name of names) await target.cleanup(name);
      names.clear();
    },
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
