import type { RuntimeName } from '../../support/runtimes.ts';
import { DockerLeftovers } from './docker-leftovers.ts';
import { ProcessLeftovers } from './process-leftovers.ts';

/**
 * What a runtime's sandboxes can leave behind after a node dies, seen from outside the platform:
 * processes, cgroups and mounts (process runtime) or containers and host firewall rules (Docker).
 */
export interface SandboxLeftovers {
  /** Notes the sandboxes that exist now, so cleanup() finds them even after their records go. */
  remember(): void;
  /**
   * Problems, one line each: anything of a sandbox whose session is not live, a second sandbox
   * for one session, and anything a dead node of the cluster left that belongs to no session.
   */
  orphans(isLive: (sessionId: string) => boolean): Promise<string[]>;
  /** Anything at all of any session's sandbox (checked once every session ended). */
  remaining(): Promise<string[]>;
  /** After every node was killed: removes what a failed run left, so the next suite starts clean. */
  cleanup(): Promise<void>;
}

export interface LeftoverScope {
  dataDir: string;
  /** Pids of every node the cluster ever started (killed ones included). */
  nodePids: () => readonly number[];
}

export function sandboxLeftovers(runtime: RuntimeName, scope: LeftoverScope): SandboxLeftovers {
  return runtime === 'docker' ? new DockerLeftovers(scope) : new ProcessLeftovers(scope);
}

/** Sessions with more than one sandbox: the extra one was leaked by a re-drive. */
export function duplicates(owners: Iterable<[sandbox: string, session: string]>, isLive: (sessionId: string) => boolean): string[] {
  const bySession = new Map<string, string[]>();
  for (const [sandbox, session] of owners) bySession.set(session, [...(bySession.get(session) ?? []), sandbox]);
  return [...bySession].filter(([session, sandboxes]) => sandboxes.length > 1 && isLive(session)).map(([session, sandboxes]) => `session ${session} has ${sandboxes.length} sandboxes: ${sandboxes.join(', ')}`);
}
