import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A process we started, identified by pid plus start time so a recycled pid is never killed. */
export interface ProcessRecord {
  pid: number;
  startTicks: number;
}

interface ProcStat {
  ppid: number;
  pgid: number;
  startTicks: number;
  state: string;
}

// /proc is read by hand because no maintained library exposes ppid/pgid/start time on Linux.
function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      state: fields[0] ?? '?',
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      startTicks: Number(fields[19]),
    };
  } catch {
    return null;
  }
}

export function recordOf(pid: number): ProcessRecord | null {
  const stat = readStat(pid);
  return stat ? { pid, startTicks: stat.startTicks } : null;
}

/** True while the recorded process (not some later process that reused its pid) is running. */
export function isAlive(record: ProcessRecord): boolean {
  const stat = readStat(record.pid);
  return stat !== null && stat.startTicks === record.startTicks && stat.state !== 'Z';
}

function allStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat && stat.state !== 'Z') stats.set(Number(name), stat);
  }
  return stats;
}

/**
 * The live processes belonging to the recorded roots: each root, its descendants and every member
 * of its process group (a process that re-parented itself to init still keeps its group).
 */
export function processesOf(roots: ProcessRecord[]): number[] {
  const stats = allStats();
  const live = roots.filter((r) => stats.get(r.pid)?.startTicks === r.startTicks).map((r) => r.pid);
  const found = new Set<number>(live);
  for (const [pid, stat] of stats) if (live.includes(stat.pgid)) found.add(pid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!found.has(pid) && found.has(stat.ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

function isRunning(pid: number): boolean {
  const state = readStat(pid)?.state;
  return state !== undefined && state !== 'Z';
}

export function signalAll(pids: Iterable<number>, signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * SIGKILLs whatever `collect` returns until it returns nothing (new children can appear while we
 * kill). Resolves false when processes were still there at the deadline.
 */
export async function killUntilGone(collect: () => Promise<number[]>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = (await collect()).filter((pid) => pid !== process.pid && isRunning(pid));
    if (pids.length === 0) return true;
    if (Date.now() > deadline) return false;
    signalAll(pids, 'SIGKILL');
    await sleep(20);
  }
}
