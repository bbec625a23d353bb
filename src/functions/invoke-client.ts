import http from 'node:http';
import { connectOptions, type SandboxEndpoint } from '../runtime/index.ts';

export class InvokeTimeoutError extends Error {
  override readonly name = 'InvokeTimeoutError';
}

/** The runner answered nothing usable: connection refused/reset (it died) or garbage. */
export class InvokeConnectionError extends Error {
  override readonly name = 'InvokeConnectionError';
}

const MAX_ANSWER_BYTES = 32 * 1024 * 1024; // 32 MB unless the caller allows more (output files)

/**
 * One HTTP request to a runner inside a sandbox (Unix socket or TCP endpoint), a fresh connection
 * each time (`connection: close`): the runner is single-threaded and must not be held by an idle
 * keep-alive socket. Rejects with InvokeTimeoutError after `timeoutMs`.
 */
export function requestRunner(
  endpoint: SandboxEndpoint,
  options: { method: 'GET' | 'POST'; path: string; token: string; body?: unknown; timeoutMs: number; signal?: AbortSignal; maxAnswerBytes?: number },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const maxAnswer = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        ...connectOptions(endpoint),
        method: options.method,
        path: options.path,
        signal: options.signal,
        headers: {
          host: 'localhost',
          connection: 'close',
          'x-spawn-token': options.token,
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxAnswer) req.destroy(new InvokeConnectionError(`the runner answered more than ${maxAnswer} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
          } catch {
            reject(new InvokeConnectionError('the runner answered something that is not JSON'));
          }
        });
        res.on('error', (err) => reject(new InvokeConnectionError(err.message)));
      },
    );
    const timer = setTimeout(() => req.destroy(new InvokeTimeoutError(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (err) => reject(err instanceof InvokeTimeoutError || err instanceof InvokeConnectionError ? err : new InvokeConnectionError(err.message)));
    req.end(payload);
  });
}
