import { SpawnError, toSpawnError } from '../../errors/index.ts';
import { AppProblemsFound } from './app-verification.ts';

/** Deploy failures the model may be able to fix: the app's own code is at fault, not the platform. */
const REPAIRABLE = new Set<string>(['APP_START_FAILED', 'SCRIPT_FAILED', 'SCRIPT_TIMEOUT']);

/**
 * What a failed deploy means for a repair round, for the first generation and for edits alike:
 * the failure and the evidence to send the model, or null when no repair can help (the caller
 * rethrows it as the session's error).
 */
export function repairableFailure(err: unknown): { failure: SpawnError; evidence: string[] } | null {
  if (err instanceof AppProblemsFound) return { failure: new SpawnError('DEPLOY_FAILED', err.message), evidence: err.evidence };
  const failure = toSpawnError(err, 'DEPLOY_FAILED');
  return REPAIRABLE.has(failure.code) ? { failure, evidence: [failure.message] } : null;
}
