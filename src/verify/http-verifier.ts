import { outcome, problem, type AppVerifier, type VerificationResult, type VerifyTarget } from './verification.ts';

/**
 * Without a browser: `GET /` must answer 2xx (api apps) or below 400 with a non-empty body
 * (pages). Cheap and catches apps that do not serve at all, not apps broken on screen.
 */
export class HttpVerifier implements AppVerifier {
  readonly mode = 'http' as const;
  readonly #timeoutMs: number;

  constructor(options: { timeoutMs?: number } = {}) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  async verify(target: VerifyTarget, signal?: AbortSignal): Promise<VerificationResult> {
    const startedAt = Date.now();
    const problems = [];
    try {
      const { status, body } = target.serve
        ? await target.serve({ method: 'GET', path: '/', headers: {}, body: null })
        : await fetch(target.url, { signal: AbortSignal.any([AbortSignal.timeout(this.#timeoutMs), ...(signal ? [signal] : [])]) }).then(async (res) => ({ status: res.status, body: Buffer.from(await res.arrayBuffer()) }));
      const ok = status >= 200 && status < 300;
      if (!ok && (target.kind === 'api' || status >= 400)) problems.push(problem('http-status', `GET / answered ${status}`, `GET / → ${status}`));
      else if (target.kind === 'page' && body.toString('utf8').trim().length === 0) problems.push(problem('empty-page', 'GET / answered with an empty body'));
    } catch (err) {
      problems.push(problem('load-failed', (err as Error).message, 'GET /'));
    }
    return outcome(problems, startedAt);
  }

  async close(): Promise<void> {}
}
