import type { StoredVerification } from '../../store/index.ts';
import type { VerificationProblem, VerificationResult } from '../../verify/index.ts';

/**
 * Thrown by a deploy whose app the verifier found broken while the caller can still repair it:
 * no version was saved and what the deploy used was freed. Not a SpawnError: it never reaches a
 * person as a failure — the last round keeps the app, labelled with its problems.
 */
export class AppProblemsFound extends Error {
  readonly verification: VerificationResult;

  constructor(verification: VerificationResult) {
    super(`the app was deployed but is broken: ${verification.problems.map(problemLine).join('; ')}`);
    this.name = 'AppProblemsFound';
    this.verification = verification;
  }

  /** One line per problem, as the repair prompt lists them: what, and exactly where. */
  get evidence(): string[] {
    return evidenceLines(this.verification.problems);
  }
}

const KIND_LABELS: Record<string, string> = {
  'load-failed': 'the page did not load',
  'http-status': 'GET / answered an error',
  exception: 'uncaught exception',
  'console-error': 'console.error',
  'request-failed': "a request of the page to the app's own server failed",
  'empty-page': 'the page is empty',
  'smoke-step': 'a smoke step of spawnai.smoke.json failed',
};

export function problemLine(p: VerificationProblem | StoredVerification['problems'][number]): string {
  return `${KIND_LABELS[p.kind] ?? p.kind}${p.where ? ` at ${p.where}` : ''}: ${p.message}`;
}

/** The evidence for a repair request: found in a real browser, so the model knows it is not a guess. */
export function evidenceLines(problems: readonly (VerificationProblem | StoredVerification['problems'][number])[]): string[] {
  return problems.map((p) => `in the browser, ${problemLine(p)}`);
}

export function toStoredVerification(result: VerificationResult, version: number): StoredVerification {
  return { status: result.status, problems: result.problems.map((p) => ({ ...p })), checkedAt: result.checkedAt, version };
}
