import type { SessionState } from '../api-types.ts';

/** Progress at the start of each state, from the scale (queued ≈10 … running 100). */
export const STATE_PROGRESS: Record<SessionState, number> = {
  requested: 10,
  provisioning: 30,
  generating: 30,
  deploying: 90,
  running: 100,
  destroying: 100,
  destroyed: 100,
  failed: 100,
};

/** Generation streams a 0..1 fraction; it maps onto 30 → 85, before deployment starts at 90. */
export function generationProgress(fraction: number): number {
  const clamped = Math.min(Math.max(fraction, 0), 1);
  return Math.round(30 + clamped * 55);
}

/** Between deploy (90) and running (100): the deployed app is checked in a browser. */
export const VERIFY_PROGRESS = 95;

export const STEP_LABELS: Record<string, string> = {
  queued: 'waiting for a worker',
  provisioning: 'preparing the sandbox',
  generating: 'writing the app',
  deploying: 'deploying and health-checking',
  verifying: 'checking the app in a browser',
  running: 'ready',
};
