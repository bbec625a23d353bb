import { execFileSync } from 'node:child_process';

/**
 * Integration suites ask here whether their real service is reachable. Locally a missing service
 * skips the suite with the reason printed; in CI (`CI=true`) it fails the run instead, so a
 * missing service can never pass silently.
 */
export const POSTGRES_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/spawnai_test';
export const REDIS_URL = process.env.REDIS_URL_TEST ?? 'redis://127.0.0.1:6379';

function tcpReachable(url: string, defaultPort: number): boolean {
  const { hostname, port } = new URL(url);
  const script = `const s=require('net').connect(${Number(port) || defaultPort},${JSON.stringify(hostname)});s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),5000)`;
  try {
    execFileSync(process.execPath, ['-e', script], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function commandWorks(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 30_000 }); // generous: CI runs suites in parallel
    return true;
  } catch {
    return false;
  }
}

const probes = {
  postgres: () => tcpReachable(POSTGRES_URL, 5432),
  redis: () => tcpReachable(REDIS_URL, 6379),
  docker: () => commandWorks('docker', ['info']),
  bwrap: () => commandWorks('bwrap', ['--ro-bind', '/', '/', '--unshare-all', 'true']),
  chromium: () => commandWorks('/usr/bin/chromium', ['--version']),
  python3: () => commandWorks('python3', ['--version']),
  /** Debian's Python with what the Python SDK's tests use (scripts/services.sh installs them). */
  pythonSdk: () => commandWorks('/usr/bin/python3', ['-c', 'import pytest, requests, pandas']),
  caddy: () => commandWorks('caddy', ['version']),
  compose: () => commandWorks('docker', ['compose', 'version']) || commandWorks('docker-compose', ['version']),
  certutil: () => commandWorks('which', ['certutil']),
  debootstrap: () => commandWorks('which', ['debootstrap']),
  promtool: () => commandWorks('promtool', ['--version']),
} as const;

export type ServiceName = keyof typeof probes;
const cache = new Map<ServiceName, boolean>();

/**
 * Returns true when the service answers. When it does not: throws in CI, returns false locally
 * (use the result with `describe.skipIf(!available)` — the reason is printed once).
 */
export function requireService(name: ServiceName): boolean {
  let ok = cache.get(name);
  if (ok === undefined) {
    ok = probes[name]();
    cache.set(name, ok);
  }
  if (!ok) {
    const msg = `${name} is not reachable on this machine`;
    if (process.env.CI === 'true') throw new Error(`${msg}: CI must run every integration suite (see scripts/services.sh)`);
    console.warn(`[skip] ${msg}; its integration suite is skipped (run scripts/services.sh to start it)`);
  }
  return ok;
}

