import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pidsMatching } from '../../support/spawn-node.ts';
import { mountsUnder } from '../../support/sandbox-mounts.ts';

const CGROUP_ROOTS = ['/sys/fs/cgroup/pids/spawnai', '/sys/fs/cgroup/memory/spawnai', '/sys/fs/cgroup/cpu/spawnai', '/sys/fs/cgroup/freezer/spawnai', '/sys/fs/cgroup/spawnai'];

export interface SessionRow {
  id: string;
  state: string;
  error_code: string | null;
  expires_at: number;
  destroyed_at: number | null;
  worker_id: string | null;
}

/** One short-lived connection per query, so a database restart in between never breaks a check. */
export async function query<T extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function sessionRows(databaseUrl: string, ids: string[]): Promise<SessionRow[]> {
  const rows = await query<SessionRow>(databaseUrl, 'SELECT id, state, error_code, expires_at, destroyed_at, worker_id FROM sessions WHERE id = ANY($1)', [ids]);
  return rows.map((r) => ({ ...r, expires_at: Number(r.expires_at), destroyed_at: r.destroyed_at === null ? null : Number(r.destroyed_at) }));
}

/** Every state a session went through, in order, from its stored event log. */
export async function stateHistory(databaseUrl: string, id: string): Promise<string[]> {
  const rows = await query<{ data: string }>(databaseUrl, `SELECT data FROM session_events WHERE session_id = $1 AND type = 'state' ORDER BY seq`, [id]);
  return rows.map((r) => String((JSON.parse(r.data) as { state?: unknown }).state));
}

/** Sandbox id → owning session id, from each sandbox directory's `sandbox.json`. */
export function sandboxOwners(dataDir: string): Map<string, string> {
  const root = path.join(dataDir, 'sandboxes');
  const owners = new Map<string, string>();
  for (const id of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const file = path.join(root, id, 'sandbox.json');
    if (fs.existsSync(file)) owners.set(id, (JSON.parse(fs.readFileSync(file, 'utf8')) as { sessionId: string }).sessionId);
  }
  return owners;
}

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

/**
 * What sandboxes that no live session owns left behind: processes by command line under the data
 * directory (bwrap and its forwarder), by sandbox cgroup (everything the app started), and the
 * size-limited tmpfs mounts of their directories.
 */
export async function orphanedSandboxes(dataDir: string, isLive: (sessionId: string) => boolean): Promise<string[]> {
  const root = path.join(dataDir, 'sandboxes');
  const owners = sandboxOwners(dataDir);
  const found: string[] = [];
  for (const pid of await pidsMatching(root)) {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    const id = new RegExp(`${root}/(sbx-[a-z0-9]+)`).exec(cmd)?.[1];
    const owner = id ? owners.get(id) : undefined;
    if (!owner || !isLive(owner)) found.push(`pid ${pid} of ${id ?? '?'} (session ${owner ?? 'unknown'}): ${cmd.slice(0, 120)}`);
  }
  for (const [id, owner] of owners) {
    if (!isLive(owner) && cgroupPids(id).length > 0) found.push(`cgroup of ${id} (session ${owner}) holds pids ${cgroupPids(id).join(',')}`);
  }
  for (const point of mountsUnder(root)) {
    const id = new RegExp(`^${root}/(sbx-[a-z0-9]+)`).exec(point)?.[1];
    const owner = id ? owners.get(id) : undefined;
    if (!owner || !isLive(owner)) found.push(`mount ${point} (session ${owner ?? 'unknown'})`);
  }
  return found;
}

/** Removes the (empty) cgroups of this data directory's sandboxes, when a failed run left any. */
export function removeSandboxCgroups(sandboxIds: Iterable<string>): void {
  const rmTree = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) rmTree(path.join(dir, e.name));
    try {
      fs.rmdirSync(dir);
    } catch {
      // still has processes or already gone: nothing more a test can do
    }
  };
  for (const id of sandboxIds) for (const root of CGROUP_ROOTS) rmTree(path.join(root, id));
}
