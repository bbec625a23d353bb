import fs from 'node:fs';
import path from 'node:path';
import { livePoolSandboxes, sandboxRecords, sessionSandboxPids } from '../../support/process-pool.ts';
import { pidsMatching } from '../../support/spawn-node.ts';
import { mountsUnder, unmountAllUnder } from '../../support/sandbox-mounts.ts';
import { duplicates, type LeftoverScope, type SandboxLeftovers } from './sandbox-leftovers.ts';

const CGROUP_ROOTS = ['/sys/fs/cgroup/pids/spawnai', '/sys/fs/cgroup/memory/spawnai', '/sys/fs/cgroup/cpu/spawnai', '/sys/fs/cgroup/freezer/spawnai', '/sys/fs/cgroup/spawnai'];

/** Pids in a sandbox's cgroup (the app and its children, whatever their command line). */
function cgroupPids(sandboxId: string): number[] {
  const pids: number[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    const procs = path.join(dir, 'cgroup.procs');
    if (fs.existsSync(procs)) pids.push(...fs.readFileSync(procs, 'utf8').split('\n').filter(Boolean).map(Number));
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  for (const root of CGROUP_ROOTS) walk(path.join(root, sandboxId));
  return pids;
}

/** Removes a sandbox's (empty) cgroups, when a failed run left any. */
function removeCgroups(sandboxId: string): void {
  const rmTree = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) rmTree(path.join(dir, e.name));
    try {
      fs.rmdirSync(dir);
    } catch {
      // still has processes or already gone: nothing more a test can do
    }
  };
  for (const root of CGROUP_ROOTS) rmTree(path.join(root, sandboxId));
}

/**
 * Process runtime: each sandbox is a directory `<dataDir>/sandboxes/sbx-…` with a `sandbox.json`
 * naming its session, bwrap and a forwarder whose command lines name that directory, a cgroup
 * per sandbox holding everything the app started, and a size-limited tmpfs.
 */
export class ProcessLeftovers implements SandboxLeftovers {
  readonly #root: string;
  readonly #seen = new Set<string>();

  constructor(private readonly scope: LeftoverScope) {
    this.#root = path.join(scope.dataDir, 'sandboxes');
  }

  /** Sandbox id → owning session id, from each sandbox directory's `sandbox.json`. */
  #owners(): Map<string, string> {
    return new Map([...sandboxRecords(this.#root)].map(([id, r]) => [id, r.sessionId]));
  }

  remember(): void {
    for (const id of this.#owners().keys()) this.#seen.add(id);
  }

  async orphans(isLive: (sessionId: string) => boolean): Promise<string[]> {
    this.remember();
    const owners = this.#owners();
    const pools = livePoolSandboxes(this.#root);
    for (const id of pools) owners.delete(id);
    const found: string[] = [];
    for (const pid of await pidsMatching(this.#root)) {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const id = new RegExp(`${this.#root}/(sbx-[a-z0-9]+)`).exec(cmd)?.[1];
      if (id && pools.has(id)) continue;
      const owner = id ? owners.get(id) : undefined;
      if (!owner || !isLive(owner)) found.push(`pid ${pid} of ${id ?? '?'} (session ${owner ?? 'unknown'}): ${cmd.slice(0, 120)}`);
    }
    for (const [id, owner] of owners) {
      if (!isLive(owner) && cgroupPids(id).length > 0) found.push(`cgroup of ${id} (session ${owner}) holds pids ${cgroupPids(id).join(',')}`);
    }
    for (const point of mountsUnder(this.#root)) {
      const id = new RegExp(`^${this.#root}/(sbx-[a-z0-9]+)`).exec(point)?.[1];
      if (id && pools.has(id)) continue;
      const owner = id ? owners.get(id) : undefined;
      if (!owner || !isLive(owner)) found.push(`mount ${point} (session ${owner ?? 'unknown'})`);
    }
    return [...found, ...duplicates(owners, isLive)];
  }

  async remaining(): Promise<string[]> {
    // Idle pool sandboxes of live nodes belong to no session: they are not leftovers.
    const pools = livePoolSandboxes(this.#root);
    const pids = await sessionSandboxPids(this.#root);
    const dirs = (fs.existsSync(this.#root) ? fs.readdirSync(this.#root) : []).filter((d) => !pools.has(d));
    const cgroups = [...this.#seen].filter((id) => !pools.has(id) && cgroupPids(id).length > 0);
    return [...pids.map((p) => `sandbox process ${p}`), ...dirs.map((d) => `sandbox directory ${d}`), ...cgroups.map((id) => `cgroup of ${id} still holds processes`)];
  }

  async cleanup(): Promise<void> {
    this.remember();
    // Sandboxes die with their worker (--die-with-parent), a moment after it: wait for them.
    for (let i = 0; i < 50 && (await pidsMatching(this.#root)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    unmountAllUnder(this.scope.dataDir);
    for (const id of this.#seen) removeCgroups(id);
  }
}
