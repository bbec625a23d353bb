import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../../src/runtime/index.ts';
import { pidsMatching } from './spawn-node.ts';

interface Record {
  sessionId: string;
  labels?: { [key: string]: string };
}

/** `sandbox.json` of every sandbox under `<dataDir>/sandboxes` (process runtime), by sandbox id. */
export function sandboxRecords(sandboxesDir: string): Map<string, Record> {
  const records = new Map<string, Record>();
  for (const id of fs.existsSync(sandboxesDir) ? fs.readdirSync(sandboxesDir) : []) {
    try {
      records.set(id, JSON.parse(fs.readFileSync(path.join(sandboxesDir, id, 'sandbox.json'), 'utf8')) as Record);
    } catch {
      // being created or removed right now
    }
  }
  return records;
}

/**
 * Idle warm-pool sandboxes (`spawnai.role: pool`, no session yet) of a server process that is
 * alive: they belong to no session, so they are not leftovers — like Docker's idle pool
 * containers. A dead server's pool sandboxes are not in this set: they must be gone.
 */
export function livePoolSandboxes(sandboxesDir: string): Set<string> {
  const pools = new Set<string>();
  for (const [id, r] of sandboxRecords(sandboxesDir)) {
    const [host, pid] = (r.labels?.['spawnai.owner'] ?? '').split(':');
    if (r.sessionId === '' && r.labels?.['spawnai.role'] === 'pool' && host === hostname() && isProcessAlive(Number(pid))) pools.add(id);
  }
  return pools;
}

/** Pids whose command line names a sandbox under `sandboxesDir` other than a live pool's. */
export async function sessionSandboxPids(sandboxesDir: string): Promise<number[]> {
  const pools = livePoolSandboxes(sandboxesDir);
  const pids: number[] = [];
  for (const pid of await pidsMatching(sandboxesDir)) {
    const cmd = await fs.promises.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd && ![...pools].some((id) => cmd.includes(path.join(sandboxesDir, id)))) pids.push(pid);
  }
  return pids;
}
