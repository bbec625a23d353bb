import http from 'node:http';
import { contentTypeFor, requestedPath, staticCandidates } from '../../artifacts/index.ts';
import type { AppTypeSpec } from '../../generator/index.ts';
import { connectOptions, type AppFile, type SandboxEndpoint } from '../../runtime/index.ts';
import { parseSmokeSteps, SMOKE_FILE, type VerifyTarget } from '../../verify/index.ts';

type Serve = NonNullable<VerifyTarget['serve']>;

const FORWARD_TIMEOUT_MS = 10_000; // 10 s, the verifier's own load timeout
/** Headers that belong to one hop (RFC 9110 §7.6.1), or that the browser's fulfilled response sets itself. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'content-length', 'host']);

/**
 * What the verifier loads for a deployed app. It never goes through DNS or the public proxy: the
 * page's own-origin requests are answered here, from the version's files (a web app, as the proxy
 * would serve them) or by the app's sandbox (an api app), so a worker checks an app before it has
 * a URL anyone could visit.
 */
export function verifyTarget(sessionId: string, spec: AppTypeSpec, files: readonly AppFile[], endpoint: SandboxEndpoint | null): VerifyTarget {
  const smoke = parseSmokeSteps(files.find((f) => f.path === SMOKE_FILE)?.content);
  // Any name works: requests are fulfilled by `serve`, the origin only keeps the page confined.
  const url = `http://${sessionId}.verify.localhost/`;
  return {
    url,
    kind: spec.runs === 'server' ? 'api' : 'page',
    serve: endpoint ? forwardTo(endpoint) : serveFiles(files, spec.indexPage),
    ...(smoke ? { smoke } : {}),
  };
}

/** The proxy's static rules (`staticCandidates`), over the version's files in memory. */
function serveFiles(files: readonly AppFile[], indexPage: string): Serve {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const notFound = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('not found') };
  return async ({ method, path }) => {
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD' }, body: Buffer.alloc(0) };
    const requested = requestedPath(path);
    if (requested === null || requested === SMOKE_FILE) return notFound;
    const file = staticCandidates(requested, indexPage).map((c) => byPath.get(c)).find((f) => f !== undefined);
    if (!file) return notFound;
    return { status: 200, headers: { 'content-type': contentTypeFor(file.path) }, body: Buffer.from(file.content, 'utf8') };
  };
}

/** Sends the page's request to the app's server in its sandbox (Unix socket or TCP) and answers with its response. */
function forwardTo(endpoint: SandboxEndpoint): Serve {
  return (request) =>
    new Promise((resolve, reject) => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())));
      // Identity: a fulfilled response is handed to the page as-is, so it must not be compressed.
      const req = http.request({ ...connectOptions(endpoint), method: request.method, path: request.path, headers: { ...headers, host: 'localhost', 'accept-encoding': 'identity' }, timeout: FORWARD_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined || HOP_HEADERS.has(name)) continue;
            out[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '\n' : ', ') : value;
          }
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${FORWARD_TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(request.body ?? undefined);
    });
}
