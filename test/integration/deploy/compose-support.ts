import { execFile } from 'node:child_process';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const ROOT = new URL('../../../', import.meta.url).pathname;
export const COMPOSE_FILE = `${ROOT}deploy/compose/docker-compose.yml`;

/** `docker compose` (v2) when the plugin is there, else Debian's `docker-compose` 1.29. */
async function composeCommand(): Promise<string[]> {
  return exec('docker', ['compose', 'version']).then(
    () => ['docker', 'compose'],
    () => ['docker-compose'],
  );
}

/** Runs compose on the bundle's file with one project name and env file, as an operator would. */
export async function composer(project: string, envFile: string): Promise<(args: string[], timeoutMs?: number) => Promise<string>> {
  const [cmd, ...pre] = await composeCommand();
  return async (args, timeoutMs = 180_000) => {
    const { stdout, stderr } = await exec(cmd!, [...pre, '-p', project, '--env-file', envFile, '-f', COMPOSE_FILE, ...args], { cwd: ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    return stdout + stderr;
  };
}

/** Everything Docker still holds with the project's label (Compose labels all it creates). */
export async function projectLeftovers(project: string): Promise<string[]> {
  const filter = `label=com.docker.compose.project=${project}`;
  const lists = await Promise.all([
    exec('docker', ['ps', '-aq', '--filter', filter]),
    exec('docker', ['network', 'ls', '-q', '--filter', filter]),
    exec('docker', ['volume', 'ls', '-q', '--filter', filter]),
  ]);
  return lists.flatMap(({ stdout }, i) => stdout.split('\n').filter(Boolean).map((id) => `${['container', 'network', 'volume'][i]} ${id}`));
}

export interface HttpsAnswer {
  status: number;
  text: string;
  /** Names in the server certificate's subjectAltName, e.g. `DNS:spawn.test`. */
  certNames: string[];
}

/** HTTPS to 127.0.0.1:port as `host` (SNI and Host), trusting only `ca`: no DNS, no blanket ignore. */
export function httpsRequest(port: number, host: string, path: string, ca: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpsAnswer> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', servername: host, ca, agent: false, timeout: 15_000,
        headers: { host: `${host}:${port}`, ...(body ? { 'content-type': 'application/json' } : {}), ...init.headers } },
      (res) => {
        const cert = (res.socket as TLSSocket).getPeerCertificate();
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, certNames: (cert.subjectaltname ?? '').split(', ').filter(Boolean) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: https://${host}:${port}${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls `probe` until it returns a value (not undefined) or the deadline passes. */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} within ${timeoutMs} ms${last ? ` (last error: ${(last as Error).message})` : ''}`);
}
