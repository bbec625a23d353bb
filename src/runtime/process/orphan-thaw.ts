import { readFile } from 'node:fs/promises';
import type { Logger } from '../../log/index.ts';
import type { CgroupLimits } from './cgroup-limits.ts';
import { SandboxDirectory } from './sandbox-directory.ts';

/** SIGKILL (9) in a /proc status signal mask: bit 8. */
const SIGKILL_BIT = 1n << 8n;
const GONE_WAIT_MS = 3_000;

interface ProcStatus {
  ppid: number;
  killPending: boolean;
}

async function procStatus(pid: number): Promise<ProcStatus | null> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  if (text === null) return null;
  const field = (name: string): string => new RegExp(`^${name}:\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '0';
  const pending = BigInt(`0x${field('SigPnd')}`) | BigInt(`0x${field('ShdPnd')}`);
  return { ppid: Number(field('PPid')), killPending: (pending & SIGKILL_BIT) !== 0n };
}

/**
 * Whether a frozen group's owner is dead. Its root process (bubblewrap, whose parent was the
 * server: `--die-with-parent`) then carries the SIGKILL its parent's death sent, which stays
 * pending while the group is frozen. Nothing else sends a sandbox's root SIGKILL without thawing
 * it first (destroy thaws), so a pending SIGKILL there is proof, not a guess about pids.
 */
async function ownerIsDead(pids: number[]): Promise<boolean> {
  const inGroup = new Set(pids);
  for (const pid of pids) {
    const status = await procStatus(pid);
    if (status && !inGroup.has(status.ppid) && status.killPending) return true;
  }
  return false;
}

/**
 * A paused (cgroup-frozen) sandbox does not die with its server: the kernel cannot deliver the
 * SIGKILL of `--die-with-parent` to a frozen task. Run at start-up over every sandbox group on the
 * host (any data directory: one that was deleted leaves its groups behind): thaws the frozen groups
 * of dead servers, so their processes die, then removes the emptied groups. Live servers' paused
 * sandboxes are left alone. Returns the ids thawed.
 */
export async function thawOrphans(cgroups: CgroupLimits, logger: Logger): Promise<string[]> {
  if (!cgroups.canFreeze) return [];
  const thawed: string[] = [];
  for (const id of await cgroups.sandboxIds()) {
    if (!SandboxDirectory.isValidId(id) || !(await cgroups.isFrozen(id))) continue;
    const pids = await cgroups.pids(id);
    if (pids.length === 0 || !(await ownerIsDead(pids))) continue;
    await cgroups.freeze(id, false).catch(() => undefined);
    thawed.push(id);
  }
  if (thawed.length === 0) return thawed;
  logger.warn({ sandboxes: thawed.length }, 'thawed frozen sandboxes whose server is gone, so they die');
  const deadline = Date.now() + GONE_WAIT_MS;
  for (const id of thawed) {
    while ((await cgroups.pids(id)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Still listed by a data directory? Its reaper's destroy finds the group gone, which is fine.
    if ((await cgroups.pids(id)).length === 0) await cgroups.remove(id).catch(() => undefined);
  }
  return thawed;
}
