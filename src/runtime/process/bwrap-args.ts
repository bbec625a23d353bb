/** The unprivileged uid/gid apps run as (nobody/nogroup on Debian). */
export const SANDBOX_UID = 65534;
/** Where the host's `run/` directory (with app.sock) and the forwarder appear inside the sandbox. */
export const SANDBOX_RUN_DIR = '/run/spawnai';
export const SANDBOX_FORWARDER = '/opt/spawnai/forwarder.mjs';
/**
 * Where the curated packages appear inside the sandbox: a fixed path, not the host's, because the
 * project may live under /tmp (a CI clone), which the sandbox's private /tmp would hide.
 */
export const SANDBOX_NODE_MODULES = '/opt/spawnai/node_modules';

/** A top-level entry of the host's root that the sandbox mirrors: a merged-/usr symlink or a directory. */
export type RootEntry = { path: string; symlinkTo: string } | { path: string; bind: true };

/** Host paths the sandbox needs, found once at init. */
export interface BwrapHost {
  /** Real path of the node binary (process.execPath). */
  nodeBinary: string;
  /** The project's node_modules (the curated packages), bound read-only at the same path. */
  nodeModules: string;
  forwarderPath: string;
  /** Directories outside /usr bound read-only at the same path (node's dir, python's prefix, …). */
  roBinds: string[];
  /** Directories prepended to PATH (node's or python's bin dir when outside /usr). */
  extraPath: string[];
  /** /bin, /sbin, /lib, /lib64 as they exist on the host. */
  rootEntries: RootEntry[];
  /** bwrap ≥ 0.8 can forbid user namespaces inside the sandbox (`--disable-userns`). */
  disableUserns?: boolean;
  /** Compiled seccomp program (seccomp-filter.ts); null where none is defined for the arch. */
  seccomp?: Buffer | null;
}

/** bwrap reads the seccomp program from this descriptor: a pipe the launcher fills (see launch). */
export const SECCOMP_FD = 3;

export interface BwrapRun {
  appDir: string;
  runDir: string;
  network: 'none' | 'outbound';
  env: Record<string, string>;
  /** Also bind the forwarder script (servers only). */
  withForwarder: boolean;
  /** Extra read-only binds (a function's requirement layer). */
  readOnlyMounts?: { source: string; target: string }[];
  command: string[];
}

/** Size caps of the sandbox's own tmpfs mounts (as in the docker runtime): ENOSPC, not host memory. */
export const SANDBOX_TMPFS_BYTES = 64 * 1024 * 1024;

// /etc/matplotlibrc: Debian's Matplotlib keeps its default settings there (import fails without).
const SYSTEM_FILES = ['/etc/ssl', '/etc/ca-certificates', '/etc/alternatives', '/etc/localtime', '/etc/matplotlibrc'];
const NETWORK_FILES = ['/etc/resolv.conf', '/etc/hosts', '/etc/nsswitch.conf', '/etc/gai.conf'];

/**
 * bubblewrap arguments: every namespace unshared (own loopback only, unless outbound), read-only
 * system directories, a private /tmp, the app directory read-write at /app, an empty environment
 * plus the given variables, an unprivileged uid, and death with the parent (the server).
 */
export function bwrapArgs(host: BwrapHost, run: BwrapRun): string[] {
  const args = ['--unshare-all'];
  if (run.network === 'outbound') args.push('--share-net');
  args.push('--unshare-user', '--uid', String(SANDBOX_UID), '--gid', String(SANDBOX_UID));
  // A nested user namespace would give the app "root" there (mount, new netns…): kernel attack surface.
  if (host.disableUserns) args.push('--disable-userns');
  if (host.seccomp) args.push('--seccomp', String(SECCOMP_FD));
  args.push('--hostname', 'sandbox', '--die-with-parent', '--new-session', '--cap-drop', 'ALL');
  args.push('--ro-bind', '/usr', '/usr');
  for (const entry of host.rootEntries) {
    if ('symlinkTo' in entry) args.push('--symlink', entry.symlinkTo, entry.path);
    else args.push('--ro-bind', entry.path, entry.path);
  }
  const optional = run.network === 'outbound' ? [...SYSTEM_FILES, ...NETWORK_FILES] : SYSTEM_FILES;
  for (const path of optional) args.push('--ro-bind-try', path, path);
  for (const dir of host.roBinds) args.push('--ro-bind', dir, dir);
  args.push('--ro-bind', host.nodeModules, SANDBOX_NODE_MODULES);
  // ESM `import` ignores NODE_PATH but walks up parent directories: /app → /node_modules.
  args.push('--symlink', SANDBOX_NODE_MODULES, '/node_modules');
  if (run.withForwarder) args.push('--ro-bind', host.forwarderPath, SANDBOX_FORWARDER);
  for (const mount of run.readOnlyMounts ?? []) args.push('--ro-bind', mount.source, mount.target);
  const size = String(SANDBOX_TMPFS_BYTES);
  args.push('--proc', '/proc', '--dev', '/dev', '--size', size, '--tmpfs', '/dev/shm', '--size', size, '--tmpfs', '/tmp');
  args.push('--bind', run.appDir, '/app', '--bind', run.runDir, SANDBOX_RUN_DIR);
  args.push('--remount-ro', '/', '--chdir', '/app', '--clearenv');
  for (const [key, value] of Object.entries(run.env)) args.push('--setenv', key, value);
  args.push('--', ...run.command);
  return args;
}

/** The environment an app sees: these variables and the caller's, never the host's. */
export function sandboxEnv(
  host: Pick<BwrapHost, 'extraPath' | 'nodeModules'>,
  options: { port?: number; home: string; env?: Record<string, string>; inBwrap: boolean },
): Record<string, string> {
  return {
    PATH: [...host.extraPath, '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: options.home,
    TMPDIR: options.home,
    NODE_PATH: options.inBwrap ? SANDBOX_NODE_MODULES : host.nodeModules,
    LANG: 'C.UTF-8',
    ...options.env,
    ...(options.port === undefined ? {} : { PORT: String(options.port) }),
  };
}
