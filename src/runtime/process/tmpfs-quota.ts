import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MOUNT_TIMEOUT_MS = 10_000;
const TOOL_ENV = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };

/** Space an app may use in one of its writable directories: bytes and files (inodes). */
export interface DirQuota {
  sizeMb: number;
  inodes: number;
}

/**
 * The writable directories a sandbox sees, each a size-limited tmpfs mounted on the host, so a
 * disk or inode flood ends in ENOSPC inside the app instead of filling the data directory. Pages
 * written by the app are charged to its memory cgroup. `tmp` is HOME only without bubblewrap.
 */
export const SANDBOX_DIR_QUOTAS = {
  app: { sizeMb: 64, inodes: 16_384 },
  run: { sizeMb: 1, inodes: 64 },
  tmp: { sizeMb: 64, inodes: 16_384 },
} as const satisfies Record<string, DirQuota>;

/** Mounts a fresh tmpfs with the quota on `dir` (needs CAP_SYS_ADMIN on the host, i.e. root). */
export async function mountQuota(dir: string, quota: DirQuota, owner?: { uid: number; gid: number }): Promise<void> {
  const options = [`size=${quota.sizeMb}m`, `nr_inodes=${quota.inodes}`, 'mode=0755', 'nosuid', 'nodev'];
  if (owner) options.push(`uid=${owner.uid}`, `gid=${owner.gid}`);
  await run('mount', ['-t', 'tmpfs', '-o', options.join(','), 'tmpfs', dir], { timeout: MOUNT_TIMEOUT_MS, env: TOOL_ENV });
}

export async function isMountPoint(dir: string): Promise<boolean> {
  try {
    const [self, parent] = await Promise.all([stat(dir), stat(dirname(dir))]);
    return self.dev !== parent.dev;
  } catch {
    return false;
  }
}

/** Unmounts `dir` if something is mounted there; lazily when a dying process still pins it. */
export async function unmountIfMounted(dir: string): Promise<void> {
  if (!(await isMountPoint(dir))) return;
  try {
    await run('umount', [dir], { timeout: MOUNT_TIMEOUT_MS, env: TOOL_ENV });
  } catch (err) {
    if (!(await isMountPoint(dir))) return; // a concurrent destroy got there first
    await run('umount', ['-l', dir], { timeout: MOUNT_TIMEOUT_MS, env: TOOL_ENV }).catch(async (lazyErr: unknown) => {
      if (await isMountPoint(dir)) throw new Error(`cannot unmount ${dir}`, { cause: [err, lazyErr] });
    });
  }
}

/** Null when quota mounts work under `root`, else why not (the driver then warns and runs without). */
export async function tmpfsQuotaProblem(root: string): Promise<string | null> {
  if (process.getuid?.() !== 0) return 'the server does not run as root';
  const dir = await mkdtemp(join(root, '.quota-probe-'));
  try {
    await mountQuota(dir, { sizeMb: 1, inodes: 16 });
    await unmountIfMounted(dir);
    return null;
  } catch (err) {
    return (err as { stderr?: string }).stderr?.trim() || (err as Error).message;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
