import { randomBytes } from 'node:crypto';

/** Ids of functions, tasks, workflows, runs and studies: a readable prefix + 80 random bits. */
export type IdPrefix = 'fn' | 'task' | 'wf' | 'run' | 'study' | 'rt' | 'file';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}

/**
 * A warm runtime's sandbox is labelled with this pseudo session id, so the reaper can ask the
 * function runtimes table (not the sessions table) whether it is still wanted.
 */
export const FUNCTION_SANDBOX_PREFIX = 'fn-';

export function runtimeSandboxOwner(runtimeId: string): string {
  return `${FUNCTION_SANDBOX_PREFIX}${runtimeId}`;
}

export function isFunctionSandboxOwner(sessionId: string): boolean {
  return sessionId.startsWith(FUNCTION_SANDBOX_PREFIX);
}
