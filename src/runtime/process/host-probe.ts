import { execFile } from 'node:child_process';
import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SANDBOX_UID, type BwrapHost, type RootEntry } from './bwrap-args.ts';
import { spawnBwrapped } from './bwrap-spawn.ts';
import { seccompFilter } from './seccomp-filter.ts';

const run = promisify(execFile);
const PROBE_TIMEOUT_MS = 10_000;

/** What the driver found on this host at init. */
export interface HostProbe extends BwrapHost {
  bwrap: string | null;
  /** `setpriv`, used to drop root to an unprivileged uid before bwrap (or before the app without it). */
  setpriv: string | null;
  prlimit: string | null;
  isRoot: boolean;
}

export function findExecutable(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of [...path.split(delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
}

/** True when "others" may traverse every ancestor of `path` (an unprivileged uid can reach it). */
export function reachableByOthers(path: string): boolean {
  for (let dir = path; dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
  }
  return true;
}

/**
 * python3 may be a pyenv shim (a shell script) somewhere under /root: ask the interpreter itself
 * where it lives. Returns its bin directory when that is outside /usr, null otherwise.
 */
async function pythonBinDir(mustBeReachable: boolean): Promise<string | null> {
  const python = findExecutable('python3');
  if (!python) return null;
  try {
    const { stdout } = await run(python, ['-c', 'import sys; print(sys.executable)'], { timeout: PROBE_TIMEOUT_MS });
    const binDir = dirname(realpathSync(stdout.trim()));
    if (binDir.startsWith('/usr/')) return null;
    if (mustBeReachable && !reachableByOthers(binDir)) return null;
    return binDir;
  } catch {
    return null;
  }
}

function rootEntries(): RootEntry[] {
  const entries: RootEntry[] = [];
  for (const path of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    try {
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries.push({ path, symlinkTo: readlinkSync(path) });
      else if (stat.isDirectory()) entries.push({ path, bind: true });
    } catch {
      // absent on this distribution
    }
  }
  return entries;
}

/** Does this bubblewrap know `--disable-userns` (0.8+)? Older ones would refuse the argument. */
async function bwrapCanDisableUserns(bwrap: string | null): Promise<boolean> {
  if (!bwrap) return false;
  try {
    const { stdout } = await run(bwrap, ['--help'], { timeout: PROBE_TIMEOUT_MS });
    return stdout.includes('--disable-userns');
  } catch {
    return false;
  }
}

export async function probeHost(forwarderPath: string): Promise<HostProbe> {
  const bwrap = findExecutable('bwrap');
  const isRoot = process.getuid?.() === 0;
  const setpriv = isRoot ? findExecutable('setpriv') : null;
  const nodeBinDir = dirname(realpathSync(process.execPath));
  const nodeModules = realpathSync(fileURLToPath(new URL('../../../node_modules', import.meta.url)));
  const pythonBin = await pythonBinDir(setpriv !== null);
  const outsideUsr = (dir: string) => !dir.startsWith('/usr/');
  return {
    bwrap,
    setpriv,
    prlimit: findExecutable('prlimit'),
    isRoot,
    nodeBinary: realpathSync(process.execPath),
    nodeModules,
    forwarderPath,
    // python's prefix (bin/, lib/) is the parent of its bin directory
    roBinds: [nodeBinDir, ...(pythonBin ? [dirname(pythonBin)] : [])].filter(outsideUsr),
    extraPath: [nodeBinDir, ...(pythonBin ? [pythonBin] : [])].filter(outsideUsr),
    rootEntries: rootEntries(),
    disableUserns: await bwrapCanDisableUserns(bwrap),
    seccomp: seccompFilter(),
  };
}

/** Runs `true` the way the driver will run apps; false when bwrap cannot create its namespaces here. */
export async function bwrapWorks(host: HostProbe, argv: string[]): Promise<string | null> {
  const child = spawnBwrapped(argv, { env: { PATH: '/usr/bin:/bin' } }, host.seccomp ?? null);
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.resume();
  const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_TIMEOUT_MS);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => {
    child.once('error', (err) => {
      stderr += err.message;
      resolve([null, null]);
    });
    child.once('close', (c, s) => resolve([c, s]));
  });
  clearTimeout(timer);
  return code === 0 ? null : `${host.bwrap ?? 'bwrap'} failed: ${stderr.trim() || `exit ${code ?? signal}`}`;
}

export const SANDBOX_OWNER = { uid: SANDBOX_UID, gid: SANDBOX_UID } as const;
