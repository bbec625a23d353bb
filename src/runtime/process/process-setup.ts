import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpawnError } from '../../errors/index.ts';
import type { Logger } from '../../log/index.ts';
import { CgroupLimits } from './cgroup-limits.ts';
import { bwrapWorks, probeHost, reachableByOthers, type HostProbe } from './host-probe.ts';
import { thawOrphans } from './orphan-thaw.ts';
import { launchCommand, type LaunchPlan } from './sandbox-launcher.ts';
import { QuotaMounts, tmpfsQuotaProblem } from './tmpfs-quota.ts';

export interface ProcessSetup {
  host: HostProbe;
  plan: LaunchPlan;
  cgroups: CgroupLimits | null;
  /** App directories are size-limited tmpfs mounts (root only); else disk use is unbounded. */
  dirQuotas: QuotaMounts | null;
}

const FORWARDER_PATH = fileURLToPath(new URL('./forwarder.js', import.meta.url));
const MAX_SOCKET_PATH = 107; // sun_path is 108 bytes including the terminating NUL

/**
 * Probes the host once: bubblewrap (tried for real, with and without dropping root first),
 * cgroups, and whether an unprivileged uid can reach the data directory. Degrades with a warning
 * where it can and fails with a fix-it message where it cannot.
 */
export async function setUpProcessDriver(options: {
  sandboxesDir: string;
  useBwrap: boolean | undefined;
  logger: Logger;
}): Promise<ProcessSetup> {
  const { sandboxesDir, logger } = options;
  await mkdir(sandboxesDir, { recursive: true, mode: 0o711 });
  if (join(sandboxesDir, 'sbx-0123456789abcdef', 'run', 'control.sock').length > MAX_SOCKET_PATH) {
    throw new SpawnError('PROVISIONING_FAILED', `data directory path is too long for Unix sockets: ${sandboxesDir}`);
  }
  const host = await probeHost(FORWARDER_PATH);
  const cgroups = await CgroupLimits.detect();
  if (cgroups) await thawOrphans(cgroups, logger);
  let dropRoot = host.setpriv !== null && reachableByOthers(sandboxesDir);
  const cannotDropRoot = host.isRoot && !dropRoot;
  const fix = `install setpriv (util-linux) and make every parent of ${sandboxesDir} world-traversable (chmod o+x)`;
  if (cannotDropRoot) logger.warn(`sandboxed processes cannot drop root: ${fix}`);
  const plan: LaunchPlan = {
    useBwrap: false,
    dropRoot,
    rlimits: cgroups === null,
  };
  if (options.useBwrap !== false) {
    let failure = host.bwrap ? await tryBwrap(host, plan, sandboxesDir) : 'bwrap is not installed';
    if (failure && dropRoot) {
      // Unprivileged user namespaces may be disabled: keep bwrap, map uid 65534 from root instead.
      const retry = await tryBwrap(host, { ...plan, dropRoot: false }, sandboxesDir);
      if (!retry) {
        logger.warn(
          { reason: failure },
          'bwrap cannot run as an unprivileged user here; starting it as root (the app still runs as uid 65534 without capabilities)',
        );
        dropRoot = false;
      }
      failure = retry;
    }
    if (failure && options.useBwrap === true) {
      throw new SpawnError('PROVISIONING_FAILED', `bubblewrap was requested but does not work: ${failure}`);
    }
    plan.useBwrap = failure === null;
    plan.dropRoot = dropRoot;
    if (failure) logger.warn({ reason: failure }, 'bubblewrap unavailable: running apps as plain processes');
  }
  if (!plan.useBwrap && cannotDropRoot) {
    throw new SpawnError('PROVISIONING_FAILED', `refusing to run apps as root without bubblewrap: ${fix}`);
  }
  if (!plan.useBwrap) {
    logger.warn(
      'process driver without bubblewrap: apps share the host network, filesystem view and loopback — isolation is WEAK; install bubblewrap or use the docker driver',
    );
  }
  if (cgroups)
    logger.info(
      { version: cgroups.version, controllers: cgroups.controllers },
      'process driver: cgroup limits enabled',
    );
  else
    logger.warn(
      'no writable cgroup hierarchy: memory/pid limits fall back to prlimit (per-uid, weaker) and CPU is unlimited',
    );
  const quotaProblem = await tmpfsQuotaProblem(sandboxesDir);
  if (quotaProblem) {
    logger.warn({ reason: quotaProblem }, 'app directories cannot be size-limited: an app can fill the disk of the data directory');
  }
  if (plan.useBwrap && !host.disableUserns) {
    logger.warn('this bubblewrap cannot forbid nested user namespaces (needs 0.8+): apps can create them');
  }
  if (plan.useBwrap && !host.seccomp) {
    logger.warn(`no seccomp filter is defined for ${process.arch}: apps may use keyrings, eBPF, io_uring and other kernel interfaces`);
  }
  let dirQuotas: QuotaMounts | null = null;
  if (quotaProblem === null) {
    dirQuotas = new QuotaMounts(dirname(sandboxesDir));
    await dirQuotas.sweep((id) => existsSync(join(sandboxesDir, id)));
  }
  return { host, plan, cgroups, dirQuotas };
}

async function tryBwrap(host: HostProbe, plan: LaunchPlan, sandboxesDir: string): Promise<string | null> {
  const dir = await mkdtemp(join(sandboxesDir, '.probe-'));
  try {
    await chmod(dir, 0o755);
    const paths = {
      dir,
      app: dir,
      run: dir,
      tmp: dir,
      socket: join(dir, 'app.sock'),
    };
    const record = {
      id: 'probe',
      sessionId: 'probe',
      createdAt: '',
      labels: {},
      network: 'none' as const,
      limits: { memoryMb: 64, cpus: 1, pids: 16 },
    };
    const { argv } = launchCommand(
      host,
      { ...plan, useBwrap: true, rlimits: false },
      { paths, record, command: ['true'], forward: false, cgroupProcs: [] },
    );
    return await bwrapWorks(host, argv);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
