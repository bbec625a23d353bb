import { hostname } from 'node:os';
import { isSessionId } from '../api-types.ts';
import type { Logger } from '../log/index.ts';
import { isProcessAlive, type SandboxDriver } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';

/** A sandbox with no store record this long after its creation has lost its creator. */
const UNRECORDED_ORPHAN_MS = 120_000; // 2 min

export interface ReaperDeps {
  driver: SandboxDriver;
  store: Store;
  logger: Logger;
  /** Destroys one sandbox and marks its record destroyed. */
  destroy(sandboxId: string): Promise<boolean>;
}

/**
 * Destroys every sandbox (on record, or found by the driver's labels) whose session is not
 * live — even ones the database forgot, e.g. after a restore from an older backup.
 */
export async function reapOrphans(d: ReaperDeps, isLive: (sessionId: string) => Promise<boolean>): Promise<number> {
  // A SIGKILLed worker's idle pool and firewall rules go now, not when a worker next starts.
  const swept = await d.driver.sweepStale?.().catch((err: unknown) => d.logger.warn({ err }, 'sweeping stale sandbox leftovers failed'));
  if (swept) d.logger.info({ removed: swept }, 'removed leftovers of dead sandbox driver instances');
  let reaped = 0;
  const seen = new Set<string>();
  // One query for every recorded sandbox, not one per sandbox per pass (thousands on a full host).
  const recordedLive = await d.store.sandboxes.listLive();
  const recorded = new Set(recordedLive.map((r) => r.id));
  for (const info of await d.driver.list()) {
    seen.add(info.id);
    // One engine may serve several installations (or a benchmark): a sandbox made by a driver
    // in another live process of this host is that process's to reap; once it dies, ours.
    if (ownedByAnotherLiveProcess(info.labels)) continue;
    // A live session's sandbox is kept — unless nothing ever recorded it: its creator died
    // between `driver.create()` and the store write (recorded within ms, so minutes is proof).
    if ((await isLive(info.sessionId)) && (recorded.has(info.id) || !(await unrecorded(d.store, info.id, info.sessionId, info.createdAt)))) continue;
    d.logger.info({ sandboxId: info.id, sessionId: info.sessionId }, 'reaping orphaned sandbox');
    if (await d.destroy(info.id).catch((err: unknown) => d.logger.warn({ err }, 'reap failed'))) reaped++;
  }
  for (const record of recordedLive) {
    // Sandboxes of other drivers/hosts are theirs to reap; ours that vanished are just marked.
    if (record.driver !== d.driver.name || seen.has(record.id)) continue;
    if (!(await isLive(record.sessionId))) await d.store.sandboxes.markDestroyed(record.id);
  }
  return reaped;
}

async function unrecorded(store: Store, sandboxId: string, sessionId: string, createdAt: Date): Promise<boolean> {
  // Only sessions' sandboxes are recorded; function runtimes (`fn-…`) keep their own registry.
  if (!isSessionId(sessionId)) return false;
  return Date.now() - createdAt.getTime() > UNRECORDED_ORPHAN_MS && (await store.sandboxes.get(sandboxId)) === null;
}

/** Drivers that share a host-wide engine label sandboxes `spawnai.owner: <host>:<pid>:<id>`. */
function ownedByAnotherLiveProcess(labels: Record<string, string>): boolean {
  const [host, pidText] = (labels['spawnai.owner'] ?? '').split(':');
  const pid = Number(pidText);
  return host === hostname() && pid !== process.pid && isProcessAlive(pid);
}
