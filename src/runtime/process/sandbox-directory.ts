import { chmod, chown, lstat, mkdir, readFile, readdir, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxInfo, SandboxSpec } from '../sandbox-driver.ts';
import type { ResourceLimits } from './cgroup-limits.ts';
import type { ProcessRecord } from './process-tree.ts';
import { QUOTA_SUBDIRS, type QuotaMounts } from './tmpfs-quota.ts';

/** What `sandbox.json` holds, so a restarted server can list, restart and destroy the sandbox. */
export interface SandboxRecord {
  id: string;
  sessionId: string;
  createdAt: string;
  labels: Record<string, string>;
  limits: ResourceLimits;
  network: SandboxSpec['network'];
  readOnlyMounts?: SandboxSpec['readOnlyMounts'];
}

export interface SandboxPaths {
  dir: string;
  /** Bound read-write at /app. */
  app: string;
  /**
   * Bound at /run/spawnai; holds app.sock and the launcher's control.sock, which the host binds.
   * Root's and outside the quota: the app can neither replace the sockets nor fill it.
   */
  run: string;
  /** HOME and TMPDIR when running without bubblewrap (bwrap gives the app a private /tmp). */
  tmp: string;
  socket: string;
}

const SANDBOX_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** How old a sandbox directory without a record must be before it counts as abandoned. */
const UNRECORDED_DIR_MS = 30_000;

/** `${dataDir}/sandboxes/<id>/`: one directory per sandbox, the driver's only durable state. */
export class SandboxDirectory {
  readonly root: string;
  /** Size-limited tmpfs behind app/, run/ and tmp/ (set once the host is known to allow mounts). */
  quotas: QuotaMounts | null = null;
  private readonly pendingWrites = new Map<string, Promise<void>>();
  private readonly pendingQuotas = new Map<string, Promise<void>>();

  constructor(dataDir: string) {
    this.root = join(dataDir, 'sandboxes');
  }

  static isValidId(id: string): boolean {
    return SANDBOX_ID.test(id);
  }

  paths(id: string): SandboxPaths {
    if (!SandboxDirectory.isValidId(id)) throw new Error(`invalid sandbox id ${JSON.stringify(id)}`);
    const dir = join(this.root, id);
    return {
      dir,
      app: join(dir, 'app'),
      run: join(dir, 'run'),
      tmp: join(dir, 'tmp'),
      socket: join(dir, 'run', 'app.sock'),
    };
  }

  async create(record: SandboxRecord, owner?: { uid: number; gid: number }): Promise<SandboxPaths> {
    const paths = this.paths(record.id);
    await mkdir(paths.dir, { recursive: true, mode: 0o711 });
    // Recorded first, atomically: a server killed mid-way leaves a sandbox the reaper can list.
    await writeFile(join(paths.dir, 'sandbox.json.tmp'), JSON.stringify(record, null, 2));
    await rename(join(paths.dir, 'sandbox.json.tmp'), join(paths.dir, 'sandbox.json'));
    for (const name of QUOTA_SUBDIRS) {
      await mkdir(paths[name], { mode: 0o755 });
      if (owner) await chown(paths[name], owner.uid, owner.gid);
    }
    await mkdir(paths.run, { mode: 0o755 });
    return paths;
  }

  /** Replaces the record (a pooled sandbox claimed by a session), atomically. */
  async rewrite(record: SandboxRecord): Promise<void> {
    const { dir } = this.paths(record.id);
    await writeFile(join(dir, 'sandbox.json.tmp'), JSON.stringify(record, null, 2));
    await rename(join(dir, 'sandbox.json.tmp'), join(dir, 'sandbox.json'));
  }

  /**
   * Swaps the (still empty) writable directories for the sandbox's size-limited tmpfs before
   * anything is written or run there. Done on first use rather than in create(), which must stay
   * quick: a worker killed mid-create leaves an orphan its successor cannot see in the store.
   */
  /** Who may change run/ (where app.sock is; realpath: older sandboxes linked it to their quota tmpfs). */
  async setRunOwner(id: string, owner: { uid: number; gid: number }): Promise<void> {
    const dir = await realpath(this.paths(id).run);
    await chown(dir, owner.uid, owner.gid);
    await chmod(dir, 0o755);
  }

  ensureQuota(id: string, owner?: { uid: number; gid: number }): Promise<void> {
    const quotas = this.quotas;
    if (!quotas) return Promise.resolve();
    const pending = this.pendingQuotas.get(id);
    if (pending) return pending;
    const paths = this.paths(id);
    const swap = async (): Promise<void> => {
      if ((await lstat(paths.app)).isSymbolicLink()) return;
      const quota = await quotas.mount(id, owner);
      for (const name of QUOTA_SUBDIRS) {
        const dir = join(quota, name);
        await mkdir(dir, { mode: 0o755 });
        if (owner) await chown(dir, owner.uid, owner.gid);
        await rm(paths[name], { recursive: true, force: true });
        await symlink(dir, paths[name]);
      }
    };
    const done = swap().finally(() => this.pendingQuotas.delete(id));
    this.pendingQuotas.set(id, done);
    return done;
  }

  async read(id: string): Promise<SandboxRecord | null> {
    if (!SandboxDirectory.isValidId(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.paths(id).dir, 'sandbox.json'), 'utf8')) as SandboxRecord;
    } catch {
      return null;
    }
  }

  async list(): Promise<SandboxInfo[]> {
    const names = await readdir(this.root).catch(() => []);
    const infos: SandboxInfo[] = [];
    for (const name of names) {
      const record = await this.read(name);
      if (record) {
        infos.push({
          id: record.id,
          sessionId: record.sessionId,
          labels: record.labels,
          createdAt: new Date(record.createdAt),
        });
        continue;
      }
      // A directory without its record: its creator died between mkdir and the record. Listed
      // with no session (so the reaper destroys it) once it is clearly not being created now.
      const stats = SandboxDirectory.isValidId(name) ? await lstat(join(this.root, name)).catch(() => null) : null;
      if (stats?.isDirectory() && Date.now() - stats.mtimeMs > UNRECORDED_DIR_MS) {
        infos.push({ id: name, sessionId: '', labels: {}, createdAt: stats.mtime });
      }
    }
    return infos;
  }

  /** Process trees started in this sandbox, by role (`server`, `exec-N`), read by later servers. */
  async readProcesses(id: string): Promise<Record<string, ProcessRecord>> {
    try {
      return JSON.parse(await readFile(join(this.paths(id).dir, 'processes.json'), 'utf8')) as Record<
        string,
        ProcessRecord
      >;
    } catch {
      return {};
    }
  }

  /** Read-modify-write of processes.json, serialised per sandbox (server and execs race). */
  setProcess(id: string, role: string, record: ProcessRecord | null): Promise<void> {
    const update = async () => {
      const all = await this.readProcesses(id);
      if (record) all[role] = record;
      else delete all[role];
      await writeFile(join(this.paths(id).dir, 'processes.json'), JSON.stringify(all));
    };
    const next = (this.pendingWrites.get(id) ?? Promise.resolve()).then(update, update);
    this.pendingWrites.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }

  async remove(id: string): Promise<boolean> {
    const { dir } = this.paths(id);
    const existed =
      (await this.read(id)) !== null ||
      (await readdir(dir).then(
        () => true,
        () => false,
      ));
    // Retries: a concurrent destroy of the same sandbox (reaper, re-drive) can make rmdir see ENOTEMPTY.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    await this.quotas?.release(id);
    this.pendingWrites.delete(id);
    return existed;
  }
}

/** The record of a new sandbox made for `spec` (pool sandboxes: an empty session id and pool labels). */
export function sandboxRecord(driver: string, spec: SandboxSpec, id: string): SandboxRecord {
  const createdAt = new Date().toISOString();
  return {
    id,
    sessionId: spec.sessionId,
    createdAt,
    labels: { ...spec.labels, sessionId: spec.sessionId, createdAt, expiresAt: spec.expiresAt.toISOString(), tier: spec.tier, driver },
    limits: { memoryMb: spec.memoryMb, cpus: spec.cpus, pids: spec.pids },
    network: spec.network,
    ...(spec.readOnlyMounts?.length ? { readOnlyMounts: spec.readOnlyMounts } : {}),
  };
}
