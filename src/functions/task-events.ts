import { EventEmitter } from 'node:events';
import type { TaskRecord } from '../store/index.ts';

/**
 * In-process news of finished tasks, so `execute {wait}` answers the moment a task run on this
 * node ends. Waiters also poll the database, which covers tasks finished on other nodes.
 */
export class TaskEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  readonly #listeners: ((task: TaskRecord) => void)[] = [];

  finished(task: TaskRecord): void {
    this.#emitter.emit(task.id, task);
    for (const listener of this.#listeners) listener(task);
  }

  /** Every task that finishes on this node (webhooks: task.completed / task.failed). */
  onFinished(listener: (task: TaskRecord) => void): void {
    this.#listeners.push(listener);
  }

  /** Resolves when the task finishes here, or after `ms` (whichever is first). */
  next(taskId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#emitter.off(taskId, done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#emitter.once(taskId, done);
    });
  }
}
