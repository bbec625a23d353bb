import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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
 * What the writable directories of one sandbox (app/ and, without bubblewrap, tmp/) may hold
 * together (run/ is not one: it is root's and holds only the sockets the host binds): one size-limited tmpfs, so a disk or inode flood ends in ENOSPC inside the app
 * instead of filling the host disk. Pages written by the app are charged to its memory cgroup.
 */
export const SANDBOX_DIR_QUOTA: DirQuota = Object.freeze({
  sizeMb: 64,
  inodes: 16_384,
});
export const QUOTA_SUBDIRS = ['app', 'tmp'] as const;

export async function mountQuota(dir: string, quota: DirQuota, owner?: { uid: number; gid: number }): Promise<void> {
  const options = [`size=${quota.sizeMb}m`, `nr_inodes=${quota.inodes}`, 'mode=0755', 'nosuid', 'nodev'];
  if (owner) options.push(`uid=${owner.uid}`, `gid=${owner.gid}`);
  await run('mount', ['-t', 'tmpfs', '-o', options.join(','), 'tmpfs', dir], {
    timeout: MOUNT_TIMEOUT_MS,
    env: TOOL_ENV,
  });
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
    await run('umount', ['-l', dir], {
      timeout: MOUNT_TIMEOUT_MS,
      env: TOOL_ENV,
    }).catch(async (lazyErr: unknown) => {
      if (await isMountPoint(dir)) throw new Error(`cannot unmount ${dir}`, { cause: [err, lazyErr] });
    });
  }
}

/**
 * Quota mounts live outside the data directory (the data directory only links to them), so
 * deleting a data directory never trips over a mount point; each installation keeps its mounts
 * under its own folder, and mounts whose data directory is gone are swept at start-up.
 */
export class QuotaMounts {
  readonly #base: string;
  readonly #mine: string;

  constructor(
    private readonly dataDir: string,
    root = existsSync('/run') ? '/run/spawnai-quota' : '/tmp/spawnai-quota',
  ) {
    this.#base = root;
    this.#mine = join(root, createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
  }

  /** Mounts the sandbox's tmpfs (one exec: creation stays quick) and returns where it is. */
  async mount(sandboxId: string, owner?: { uid: number; gid: number }): Promise<string> {
    const dir = join(this.#mine, sandboxId);
    // The owner note first: a concurrent sweep skips folders it cannot attribute.
    await mkdir(this.#mine, { recursive: true, mode: 0o711 });
    await writeFile(join(this.#mine, 'data-dir'), resolve(this.dataDir));
    await mkdir(dir, { recursive: true, mode: 0o711 });
    await mountQuota(dir, SANDBOX_DIR_QUOTA, owner);
    return dir;
  }

  async release(sandboxId: string): Promise<void> {
    const dir = join(this.#mine, sandboxId);
    await unmountIfMounted(dir);
    await rm(dir, { recursive: true, force: true });
  }

  /** Frees mounts whose sandbox or whole data directory no longer exists (deleted by hand, tests). */
  async sweep(isLiveSandbox: (sandboxId: string) => boolean): Promise<void> {
    for (const installation of await readdir(this.#base).catch(() => [])) {
      const folder = join(this.#base, installation);
      const owner = await readFile(join(folder, 'data-dir'), 'utf8').catch(() => null);
      const ours = folder === this.#mine;
      if (!ours && (owner === null || existsSync(owner))) continue;
      for (const sandboxId of await readdir(folder).catch(() => [])) {
        if (sandboxId === 'data-dir' || (ours && isLiveSandbox(sandboxId))) continue;
        await unmountIfMounted(join(folder, sandboxId)).catch(() => undefined);
        await rm(join(folder, sandboxId), {
          recursive: true,
          force: true,
        }).catch(() => undefined);
      }
      if (!ours) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** Null when quota mounts work here, else why not (the driver then warns and runs without). */
export async function tmpfsQuotaProblem(probeDir: string): Promise<string | null> {
  if (process.getuid?.() !== 0) return 'the server does not run as root';
  const dir = await mkdtemp(join(probeDir, '.quota-probe-'));
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
