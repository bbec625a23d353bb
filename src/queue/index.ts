export type * from './job-queue.ts';
export { JOB_NAMES } from './job-queue.ts';
export { createQueue } from './create-queue.ts';
export { PeriodicTask } from './periodic-task.ts';
