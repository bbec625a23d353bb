import { access, mkdir, readFile, readdir, rmdir, writeFile, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ResourceLimits {
  memoryMb: number;
  cpus: number;
  pids: number;
}

const CPU_PERIOD_US = 100_000; // 100 ms, the kernel default CFS period
const V1_CONTROLLERS = ['memory', 'pids', 'cpu', 'freezer'] as const;
type V1Controller = (typeof V1_CONTROLLERS)[number];

/**
 * One cgroup per sandbox (`spawnai/<sandboxId>`) carrying its limits, with one leaf per process
 * tree (`server`, `exec-N`) so an exec timeout can kill its own tree without touching the server.
 * Works on cgroup v1 (one hierarchy per controller) and v2 (one unified hierarchy).
 */
export class CgroupLimits {
  private constructor(
    readonly version: 1 | 2,
    /** Directories that hold a `spawnai` group: one per v1 controller, or the v2 root. */
    private readonly bases: Partial<Record<V1Controller | 'unified', string>>,
  ) {}

  /** Returns null when no usable, writable cgroup hierarchy exists (the caller warns and degrades). */
  static async detect(root = '/sys/fs/cgroup'): Promise<CgroupLimits | null> {
    if (await exists(join(root, 'cgroup.controllers'))) {
      try {
        const base = join(root, 'spawnai');
        await mkdir(base, { recursive: true });
        // v2 limits apply only when the parent delegates the controllers to its children.
        await enableControllers(root);
        await enableControllers(base);
        return new CgroupLimits(2, { unified: base });
      } catch {
        return null;
      }
    }
    const bases: Partial<Record<V1Controller, string>> = {};
    for (const controller of V1_CONTROLLERS) {
      const base = join(root, controller, 'spawnai');
      try {
        await mkdir(base, { recursive: true });
        await access(base, constants.W_OK);
        bases[controller] = base;
      } catch {
        // controller missing or read-only: the remaining ones still apply
      }
    }
    return bases.memory || bases.pids ? new CgroupLimits(1, bases) : null;
  }

  get controllers(): string[] {
    return Object.keys(this.bases);
  }

  get canFreeze(): boolean {
    return this.version === 2 || this.bases.freezer !== undefined;
  }

  /** Creates the sandbox group with its limits. */
  async create(sandboxId: string, limits: ResourceLimits): Promise<void> {
    const memoryBytes = String(limits.memoryMb * 1024 * 1024);
    const quotaUs = Math.max(1000, Math.round(limits.cpus * CPU_PERIOD_US));
    for (const dir of this.groupDirs(sandboxId)) await mkdir(dir, { recursive: true });
    if (this.version === 2) {
      const dir = this.dir('unified', sandboxId);
      await writeFile(join(dir, 'memory.max'), memoryBytes);
      await writeFile(join(dir, 'memory.swap.max'), '0').catch(() => undefined);
      await writeFile(join(dir, 'pids.max'), String(limits.pids));
      await writeFile(join(dir, 'cpu.max'), `${quotaUs} ${CPU_PERIOD_US}`).catch(() => undefined);
      await enableControllers(dir);
      return;
    }
    if (this.bases.memory) {
      const dir = this.dir('memory', sandboxId);
      await writeFile(join(dir, 'memory.limit_in_bytes'), memoryBytes);
      // Without this the app could spill past its limit into swap (when the host has any).
      await writeFile(join(dir, 'memory.memsw.limit_in_bytes'), memoryBytes).catch(() => undefined);
    }
    if (this.bases.pids) await writeFile(join(this.dir('pids', sandboxId), 'pids.max'), String(limits.pids));
    if (this.bases.cpu) {
      const dir = this.dir('cpu', sandboxId);
      await writeFile(join(dir, 'cpu.cfs_period_us'), String(CPU_PERIOD_US)).catch(() => undefined);
      await writeFile(join(dir, 'cpu.cfs_quota_us'), String(quotaUs));
    }
  }

  /** Creates a leaf group and returns the `cgroup.procs` files a new process must join. */
  async leaf(sandboxId: string, name: string): Promise<string[]> {
    const files: string[] = [];
    for (const dir of this.groupDirs(sandboxId)) {
      await mkdir(join(dir, name), { recursive: true });
      files.push(join(dir, name, 'cgroup.procs'));
    }
    return files;
  }

  /** Every pid in the sandbox group (or in one leaf of it). */
  async pids(sandboxId: string, leaf?: string): Promise<number[]> {
    const dir = this.primaryDir(sandboxId);
    const found = new Set<number>();
    await collectPids(leaf ? join(dir, leaf) : dir, found);
    return [...found];
  }

  /** Freezes or thaws every process of the sandbox; false when there is no freezer. */
  async freeze(sandboxId: string, frozen: boolean): Promise<boolean> {
    if (this.version === 2) {
      await writeFile(join(this.dir('unified', sandboxId), 'cgroup.freeze'), frozen ? '1' : '0');
      return true;
    }
    if (!this.bases.freezer) return false;
    await writeFile(join(this.dir('freezer', sandboxId), 'freezer.state'), frozen ? 'FROZEN' : 'THAWED');
    return true;
  }

  /** Whether the sandbox group is frozen (paused); false when there is no freezer. */
  async isFrozen(sandboxId: string): Promise<boolean> {
    if (this.version === 2) return (await readFile(join(this.dir('unified', sandboxId), 'cgroup.freeze'), 'utf8').catch(() => '0')).trim() === '1';
    if (!this.bases.freezer) return false;
    const state = await readFile(join(this.dir('freezer', sandboxId), 'freezer.state'), 'utf8').catch(() => 'THAWED');
    return state.trim() !== 'THAWED';
  }

  /** Every sandbox group on this host, whichever server (or data directory) created it. */
  async sandboxIds(): Promise<string[]> {
    const base = this.version === 2 ? this.bases.unified : (this.bases.freezer ?? this.bases.memory ?? this.bases.pids);
    const entries = await readdir(base ?? '', { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
  }

  /** How many processes the kernel OOM-killed in the sandbox group (or in one leaf of it). */
  async oomKills(sandboxId: string, leaf?: string): Promise<number> {
    const controller = this.version === 2 ? 'unified' : this.bases.memory ? 'memory' : undefined;
    if (!controller) return 0;
    const dir = join(this.dir(controller, sandboxId), leaf ?? '');
    const text = await readFile(join(dir, this.version === 2 ? 'memory.events' : 'memory.oom_control'), 'utf8').catch(
      () => '',
    );
    return Number(/^oom_kill (\d+)$/m.exec(text)?.[1] ?? 0);
  }

  async removeLeaf(sandboxId: string, name: string): Promise<void> {
    for (const dir of this.groupDirs(sandboxId)) await removeGroup(join(dir, name));
  }

  /** Removes the sandbox group and its leaves; they must hold no process any more. */
  async remove(sandboxId: string): Promise<void> {
    for (const dir of this.groupDirs(sandboxId)) {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) if (entry.isDirectory()) await removeGroup(join(dir, entry.name));
      await removeGroup(dir);
    }
  }

  async exists(sandboxId: string): Promise<boolean> {
    return exists(this.primaryDir(sandboxId));
  }

  private dir(controller: V1Controller | 'unified', sandboxId: string): string {
    return join(this.bases[controller] ?? '', sandboxId);
  }

  private primaryDir(sandboxId: string): string {
    if (this.version === 2) return this.dir('unified', sandboxId);
    return this.dir(this.bases.memory ? 'memory' : 'pids', sandboxId);
  }

  private groupDirs(sandboxId: string): string[] {
    return Object.values(this.bases).map((base) => join(base, sandboxId));
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** rmdir that waits out EBUSY: a killed task can pin its group for a moment until it is reaped. */
async function removeGroup(dir: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await rmdir(dir);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY' || Date.now() > deadline) throw err;
      await sleep(50);
    }
  }
}

async function enableControllers(dir: string): Promise<void> {
  const available = (await readFile(join(dir, 'cgroup.controllers'), 'utf8')).split(/\s+/);
  const wanted = ['memory', 'pids', 'cpu'].filter((c) => available.includes(c));
  if (!wanted.includes('memory') || !wanted.includes('pids')) throw new Error('memory/pids controllers unavailable');
  await writeFile(join(dir, 'cgroup.subtree_control'), wanted.map((c) => `+${c}`).join(' '));
}

async function collectPids(dir: string, into: Set<number>): Promise<void> {
  const text = await readFile(join(dir, 'cgroup.procs'), 'utf8').catch(() => '');
  for (const line of text.split('\n')) if (line) into.add(Number(line));
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await collectPids(join(dir, entry.name), into);
}
