import type Docker from 'dockerode';
import { LABEL, POOL_NAME_PREFIX, SESSION_NAME_PREFIX } from './container-spec.ts';
import { withTimeout } from './exec-streams.ts';
import { isProcessAlive } from '../process-alive.ts';

export const API_TIMEOUT_MS = 15_000;

export function statusCode(err: unknown): number | undefined {
  return (err as { statusCode?: number } | undefined)?.statusCode;
}

/** Docker names allow [a-zA-Z0-9_.-]; a claimed pool container carries its session in its name. */
export function sessionContainerName(sessionId: string): string | undefined {
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(sessionId) ? `${SESSION_NAME_PREFIX}${sessionId}` : undefined;
}

/**
 * The session a managed container serves, or undefined for an unclaimed pool container. Labels
 * cannot change after creation, so a claimed pool container is known by its name.
 */
export function sessionOf(labels: Record<string, string>, names: string[]): string | undefined {
  if (labels[LABEL.role] === 'session') return labels[LABEL.session] || undefined;
  const name = names.map((n) => n.replace(/^\//, '')).find((n) => n.startsWith(SESSION_NAME_PREFIX));
  return name?.slice(SESSION_NAME_PREFIX.length);
}

/** Unclaimed pool containers whose owning process on this host is gone (or was this instance's). */
export function isStalePoolContainer(
  info: Docker.ContainerInfo,
  host: string,
  liveOwners: ReadonlySet<string>,
): boolean {
  if (info.Labels[LABEL.role] !== 'pool' || !info.Names.some((n) => n.startsWith(`/${POOL_NAME_PREFIX}`))) return false;
  const [ownerHost, pid] = (info.Labels[LABEL.owner] ?? '').split(':');
  if (ownerHost !== host) return false;
  if (Number(pid) === process.pid) return !liveOwners.has(info.Labels[LABEL.owner] ?? '');
  return !isProcessAlive(Number(pid));
}

export async function listManaged(docker: Docker): Promise<Docker.ContainerInfo[]> {
  return withTimeout(
    docker.listContainers({
      all: true,
      filters: { label: [`${LABEL.managed}=true`] },
    }),
    API_TIMEOUT_MS,
    'docker list containers',
  );
}

/** Force-removes a container and its anonymous /app volume; false when it was already gone. */
export async function removeContainer(docker: Docker, id: string): Promise<boolean> {
  try {
    await withTimeout(docker.getContainer(id).remove({ force: true, v: true }), API_TIMEOUT_MS, 'docker remove');
    return true;
  } catch (err) {
    if (statusCode(err) === 404) return false;
    // 409: removal already in progress (a concurrent destroy) — it is going away.
    if (statusCode(err) === 409) return false;
    throw err;
  }
}

/** Waits until the Engine no longer knows the container: one being removed still holds its name. */
export async function waitUntilGone(docker: Docker, id: string, timeoutMs = API_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await withTimeout(docker.getContainer(id).inspect(), API_TIMEOUT_MS, 'docker inspect');
    } catch (err) {
      if (statusCode(err) === 404) return;
      throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
