import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const START_TIMEOUT_MS = 30_000;

export interface RunningCaddy {
  httpsPort: number;
  /** PEM of Caddy's internal root CA (`tls internal`), for the client to trust. */
  rootCaPem: string;
  rootCaFile: string;
  stop(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

/**
 * Runs the shipped deploy/caddy/Caddyfile, unchanged, with Caddy's internal CA instead of ACME,
 * on free ports, proxying to `upstream` (`host:port`, several separated by spaces) and asking
 * `askAt` (default: the upstream) before each certificate.
 * State (CA keys, certificates) lives in a throw-away XDG directory; the admin API is off.
 */
export async function startCaddy(opts: { upstream: string; controlHost: string; appsDomain: string; httpPort: number; httpsPort: number; askAt?: string }): Promise<RunningCaddy> {
  const state = mkdtempSync(path.join(tmpdir(), 'spawnai-caddy-'));
  mkdirSync(path.join(state, 'config'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: state,
    XDG_DATA_HOME: path.join(state, 'data'),
    XDG_CONFIG_HOME: path.join(state, 'config'),
    SPAWN_CADDY_ADMIN: 'off',
    SPAWN_HTTP_PORT: String(opts.httpPort),
    SPAWN_HTTPS_PORT: String(opts.httpsPort),
    SPAWN_CONTROL_HOST: opts.controlHost,
    SPAWN_APPS_DOMAIN: opts.appsDomain,
    SPAWN_TLS_ISSUER: 'internal',
    SPAWN_TLS_ASK_URL: `http://${opts.askAt ?? opts.upstream}/tls/ask`,
    SPAWN_UPSTREAMS: opts.upstream,
  };
  const child = spawn('caddy', ['run', '--config', path.join(ROOT, 'deploy/caddy/Caddyfile'), '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-6000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(state, { recursive: true, force: true });
  };
  const rootCaFile = path.join(state, 'data/caddy/pki/authorities/local/root.crt');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(existsSync(rootCaFile) && (await listening(opts.httpsPort)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`caddy did not start (exit ${child.exitCode}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { httpsPort: opts.httpsPort, rootCaPem: readFileSync(rootCaFile, 'utf8'), rootCaFile, stop };
}

/**
 * A HOME whose NSS database trusts only `caFile` beyond the system roots: Chromium on Linux reads
 * `$HOME/.pki/nssdb`, so a browser started with this HOME trusts Caddy's test CA and nothing more.
 */
export function nssHomeTrusting(caFile: string): { home: string; remove(): void } {
  const home = mkdtempSync(path.join(tmpdir(), 'spawnai-nss-'));
  const db = `sql:${path.join(home, '.pki/nssdb')}`;
  mkdirSync(path.join(home, '.pki/nssdb'), { recursive: true });
  execFileSync('certutil', ['-N', '-d', db, '--empty-password'], { stdio: 'ignore' });
  execFileSync('certutil', ['-A', '-d', db, '-n', 'spawnai-test-ca', '-t', 'C,,', '-i', caFile], { stdio: 'ignore' });
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}
