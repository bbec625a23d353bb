import { SANDBOX_FORWARDER, SANDBOX_RUN_DIR, SANDBOX_UID, bwrapArgs, sandboxEnv } from './bwrap-args.ts';
import { spawnBwrapped, type SandboxChild } from './bwrap-spawn.ts';
import type { HostProbe } from './host-probe.ts';
import type { SandboxPaths, SandboxRecord } from './sandbox-directory.ts';

export interface LaunchPlan {
  useBwrap: boolean;
  /** Drop root to SANDBOX_UID with setpriv before anything sandboxed runs. */
  dropRoot: boolean;
  /** Applied with prlimit when no cgroup is available (weaker: RLIMIT_NPROC counts per uid). */
  rlimits: boolean;
}

export interface LaunchRequest {
  paths: SandboxPaths;
  record: SandboxRecord;
  command: string[];
  env?: Record<string, string>;
  port?: number;
  /** Start the command behind the Unix-socket forwarder (bwrap servers). */
  forward: boolean;
  /** cgroup.procs files the process joins before it execs anything (no fork can escape first). */
  cgroupProcs: string[];
  /** Host descriptors the command inherits from FIRST_INHERITED_FD on (sockets the host bound). */
  inheritFds?: readonly number[];
}

// `$$` is the shell's own pid; it becomes the sandboxed process through `exec`.
const JOIN_CGROUPS = 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@"';

/** The full argv: [cgroup join] [prlimit] [setpriv] (bwrap … | direct) command. */
export function launchCommand(
  host: HostProbe,
  plan: LaunchPlan,
  req: LaunchRequest,
): { argv: string[]; env: Record<string, string> } {
  const argv: string[] = [];
  if (req.cgroupProcs.length > 0) argv.push('/bin/sh', '-c', JOIN_CGROUPS, 'sh', ...req.cgroupProcs, '--');
  if (plan.rlimits && host.prlimit) {
    const bytes = req.record.limits.memoryMb * 1024 * 1024;
    argv.push(host.prlimit, `--nproc=${req.record.limits.pids}`, `--data=${bytes}`, '--');
  }
  if (plan.dropRoot && host.setpriv) {
    argv.push(
      host.setpriv,
      `--reuid=${SANDBOX_UID}`,
      `--regid=${SANDBOX_UID}`,
      '--clear-groups',
      '--no-new-privs',
      '--',
    );
  }
  if (!plan.useBwrap) {
    const env = sandboxEnv(host, {
      port: req.port,
      home: req.paths.tmp,
      env: req.env,
      inBwrap: false,
    });
    return { argv: [...argv, ...req.command], env };
  }
  const command =
    req.forward && req.port !== undefined
      ? [host.nodeBinary, SANDBOX_FORWARDER, `${SANDBOX_RUN_DIR}/app.sock`, String(req.port), ...req.command]
      : req.command;
  const args = bwrapArgs(host, {
    appDir: req.paths.app,
    runDir: req.paths.run,
    network: req.record.network,
    env: sandboxEnv(host, { port: req.port, home: '/tmp', env: req.env, inBwrap: true }),
    withForwarder: req.forward,
    readOnlyMounts: req.record.readOnlyMounts,
    command,
  });
  // Only the launch helpers see this environment; bwrap --clearenv gives the app its own.
  return {
    argv: [...argv, host.bwrap ?? 'bwrap', ...args],
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
  };
}

export type { SandboxChild };
export { FIRST_INHERITED_FD } from './bwrap-spawn.ts';

/** Spawns in a new session (own process group), so the whole tree can be signalled at once. */
export function launch(host: HostProbe, plan: LaunchPlan, req: LaunchRequest): SandboxChild {
  const { argv, env } = launchCommand(host, plan, req);
  return spawnBwrapped(argv, { cwd: req.paths.app, env, detached: true }, plan.useBwrap ? (host.seccomp ?? null) : null, req.inheritFds);
}
