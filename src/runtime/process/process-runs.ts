import { constants } from 'node:os';
import { SpawnError } from '../../errors/index.ts';
import type { CgroupLimits } from './cgroup-limits.ts';
import { killUntilGone, processesOf, recordOf, type ProcessRecord } from './process-tree.ts';
import type { SandboxDirectory } from './sandbox-directory.ts';
import type { SandboxChild } from './sandbox-launcher.ts';

/**
 * Book-keeping of the process trees running in sandboxes: each tree has a role (`server`,
 * `exec-N`), a cgroup leaf of the same name and a record in processes.json, so this server — or a
 * later one after a restart — can find and kill every process of a sandbox.
 */
export class ProcessRuns {
  constructor(
    private readonly directory: SandboxDirectory,
    private readonly cgroups: CgroupLimits | null,
  ) {}

  /** Waits until the child has exec'd (or failed to) and records it. */
  async track(sandboxId: string, role: string, child: SandboxChild): Promise<ProcessRecord> {
    const error = await new Promise<Error | null>((resolve) => {
      child.once('spawn', () => resolve(null));
      child.once('error', resolve);
    });
    if (error || child.pid === undefined) {
      throw new SpawnError('PROVISIONING_FAILED', `cannot start the sandbox process: ${error?.message ?? 'no pid'}`, {
        cause: error,
      });
    }
    const record = recordOf(child.pid) ?? { pid: child.pid, startTicks: -1 };
    await this.directory.setProcess(sandboxId, role, record);
    return record;
  }

  /** Live pids of one role, or of the whole sandbox when role is omitted. */
  async pids(sandboxId: string, role?: string): Promise<number[]> {
    const records = await this.directory.readProcesses(sandboxId);
    const roots = role ? [records[role]].filter((r): r is ProcessRecord => r !== undefined) : Object.values(records);
    const found = new Set(processesOf(roots));
    if (this.cgroups) for (const pid of await this.cgroups.pids(sandboxId, role)) found.add(pid);
    return [...found];
  }

  /** SIGKILLs a role's whole tree and forgets it. */
  async kill(sandboxId: string, role: string): Promise<void> {
    await killUntilGone(() => this.pids(sandboxId, role));
    await this.cgroups?.removeLeaf(sandboxId, role).catch(() => undefined); // destroy() retries
    await this.directory.setProcess(sandboxId, role, null).catch(() => undefined);
  }

  /** SIGKILLs everything in the sandbox, thawing it first if it was paused. */
  async killAll(sandboxId: string): Promise<boolean> {
    if (this.cgroups?.canFreeze) await this.cgroups.freeze(sandboxId, false).catch(() => undefined);
    return killUntilGone(() => this.pids(sandboxId));
  }
}

/** "exited with code 1" / "killed by signal SIGKILL"; exit codes above 128 come from the forwarder. */
export function describeExit(code: number | null, signal: string | null, codesAreSignals: boolean): string {
  if (signal) return `killed by signal ${signal}`;
  if (codesAreSignals && code !== null && code > 128) {
    const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
    if (name) return `killed by signal ${name}`;
  }
  return `exited with code ${code ?? 'unknown'}`;
}
