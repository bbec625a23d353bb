import http from 'node:http';
import { connectOptions, type SandboxEndpoint } from '../runtime/index.ts';

/** One HTTP GET through a sandbox endpoint; resolves with the status code or null if unreachable. */
export function probeApp(endpoint: SandboxEndpoint, path = '/', timeoutMs = 2000): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get({ ...connectOptions(endpoint), path, timeout: timeoutMs, headers: { host: 'localhost', connection: 'close' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

/**
 * Waits until the app answers any HTTP response (it is listening), or `isAlive` says it died,
 * or the deadline passes. Returns null on success, else the reason.
 */
export async function waitUntilAnswering(
  endpoint: SandboxEndpoint,
  deadlineMs: number,
  isAlive: () => Promise<{ ok: boolean; reason?: string }>,
  signal?: AbortSignal,
): Promise<string | null> {
  const until = Date.now() + deadlineMs;
  let delayMs = 20;
  while (Date.now() < until) {
    if (signal?.aborted) return 'aborted';
    if ((await probeApp(endpoint, '/', 1000)) !== null) return null;
    const health = await isAlive();
    if (!health.ok) return health.reason ?? 'the app exited';
    await new Promise((r) => setTimeout(r, delayMs));
    delayMs = Math.min(delayMs * 2, 250);
  }
  return `the app did not answer on its port within ${Math.round(deadlineMs / 1000)} s`;
}
