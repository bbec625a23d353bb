import { execFile } from 'node:child_process';
import { accessSync, constants, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { seccompFilter, spawnBwrapped } from '../../runtime/index.ts';

const run = promisify(execFile);
const PROBE_TIMEOUT_MS = 30_000;
/** The installer's uid inside the sandbox (nobody). */
const SANDBOX_UID = '65534';
/** Where the build directory, the proxy's socket and the relay appear inside the sandbox. */
export const SANDBOX_BUILD_DIR = '/build';
const SANDBOX_EGRESS_DIR = '/run/spawnai-egress';
const SANDBOX_RELAY = '/opt/spawnai/egress-relay.mjs';
/** bwrap reads the seccomp program from this descriptor (spawnBwrapped writes it there). */
const SECCOMP_FD = 3;
/** The relay's port inside the sandbox's own network namespace (nothing else listens there). */
export const SANDBOX_PROXY_URL = 'http://127.0.0.1:3128';
const RELAY_PATH = fileURLToPath(new URL('./egress-relay.js', import.meta.url));
// CA certificates for an HTTPS index; nothing else of /etc (no resolv.conf: the host proxy resolves names).
const SYSTEM_FILES = ['/etc/ssl', '/etc/ca-certificates', '/etc/alternatives', '/etc/pki'];

export interface InstallerSandbox {
  bwrap: string;
  /** Directories outside /usr the installer needs (node's, python's prefix), bound read-only. */
  roBinds: string[];
  disableUserns: boolean;
  /**
   * The process sandboxes' seccomp program (keyrings, eBPF, io_uring, mounts, namespaces, ptrace…
   * refused), installed by bwrap right before the relay and the installer run; null where none is
   * defined for the architecture.
   */
  seccomp: Buffer | null;
}

export interface SandboxedRun {
  /** Prefix before bwrap (setpriv to an unprivileged uid on root hosts), possibly empty. */
  prefix: string[];
  buildDir: string;
  /** Host directory holding the egress proxy's socket `proxy.sock`. */
  egressDir: string;
  env: Record<string, string>;
  command: string[];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findExecutable(name: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/bin']) if (isExecutable(join(dir, name))) return join(dir, name);
  return null;
}

/**
 * bubblewrap around pip or npm: every namespace unshared (its network has loopback only), the
 * system read-only, a private /tmp, the build directory the only writable path, an empty
 * environment but the given variables, no capabilities. Its one way out is the relay on
 * SANDBOX_PROXY_URL, which reaches the host's allow-list proxy through the bound socket.
 */
export function sandboxedArgv(box: InstallerSandbox, r: SandboxedRun): string[] {
  const args = ['--unshare-all', '--unshare-user', '--uid', SANDBOX_UID, '--gid', SANDBOX_UID];
  if (box.disableUserns) args.push('--disable-userns');
  args.push('--hostname', 'installer', '--die-with-parent', '--new-session', '--cap-drop', 'ALL', '--ro-bind', '/usr', '/usr');
  for (const path of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    try {
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
      else if (stat.isDirectory()) args.push('--ro-bind', path, path);
    } catch {
      // absent on this distribution
    }
  }
  for (const path of SYSTEM_FILES) args.push('--ro-bind-try', path, path);
  for (const dir of box.roBinds) args.push('--ro-bind', dir, dir);
  args.push('--ro-bind', RELAY_PATH, SANDBOX_RELAY, '--ro-bind', r.egressDir, SANDBOX_EGRESS_DIR);
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--bind', r.buildDir, SANDBOX_BUILD_DIR);
  args.push('--remount-ro', '/', '--chdir', SANDBOX_BUILD_DIR, '--clearenv');
  if (box.seccomp) args.push('--seccomp', String(SECCOMP_FD));
  for (const [key, value] of Object.entries(r.env)) args.push('--setenv', key, value);
  const port = new URL(SANDBOX_PROXY_URL).port;
  args.push('--', process.execPath, SANDBOX_RELAY, `${SANDBOX_EGRESS_DIR}/proxy.sock`, port, ...r.command);
  return [...r.prefix, box.bwrap, ...args];
}

/**
 * Finds bubblewrap and tries it for real the way builds will use it (after `prefix`). Returns the
 * sandbox, or why there is none (the layer builder then refuses to build, unless told otherwise).
 */
export async function probeInstallerSandbox(prefix: string[], python: string, bwrap = findExecutable('bwrap')): Promise<InstallerSandbox | string> {
  if (!bwrap) return 'bubblewrap (bwrap) is not installed';
  if (!isExecutable(bwrap)) return `bubblewrap (bwrap) is not installed at ${bwrap}`;
  let disableUserns = false;
  try {
    disableUserns = (await run(bwrap, ['--help'], { timeout: PROBE_TIMEOUT_MS })).stdout.includes('--disable-userns');
  } catch {
    // an old bwrap without --help output: it fails the real try below if it cannot work
  }
  const outsideUsr = (dir: string) => !dir.startsWith('/usr/');
  const roBinds = [dirname(realpathSync(process.execPath))];
  try {
    const { stdout } = await run(python, ['-c', 'import sys; print(sys.prefix)'], { timeout: PROBE_TIMEOUT_MS });
    roBinds.push(realpathSync(stdout.trim()));
  } catch {
    // no interpreter: Python builds fail with pip's own error, Node builds do not need it
  }
  const box: InstallerSandbox = { bwrap, roBinds: [...new Set(roBinds.filter(outsideUsr))], disableUserns, seccomp: seccompFilter() };
  // The whole path a build takes, relay and seccomp included (node inside the sandbox), with `true` for pip.
  const argv = sandboxedArgv(box, { prefix, buildDir: '/tmp', egressDir: '/tmp', env: {}, command: ['/usr/bin/true'] });
  const failure = await tryOnce(argv, box.seccomp);
  return failure === null ? box : `${bwrap} does not work here: ${failure}`;
}

/** Runs the probe; null when it exited 0, else its stderr (or the spawn error). */
function tryOnce(argv: string[], seccomp: Buffer | null): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawnBwrapped(argv, { env: {} }, seccomp);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : stderr.trim() || `exit ${code ?? signal}`);
    });
  });
}
