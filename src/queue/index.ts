export type * from './job-queue.ts';
export { JOB_NAMES } from './job-queue.ts';
export { createQueue, createRegionalQueue } from './create-queue.ts';
export { RegionalQueue } from './regional-queue.ts';
export { PeriodicTask } from './periodic-task.ts';
