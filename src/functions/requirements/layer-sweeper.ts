import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../log/index.ts';
import type { Store } from '../../store/index.ts';

const DAY_MS = 86_400_000;
/** A `.build-*` directory this old belongs to a build that died with its process. */
const ABANDONED_BUILD_MS = DAY_MS;

/**
 * Deletes the builds no function used for `ttlDays` (a later call of such a function builds
 * again), then every layer on this node's disk that no remaining build names. Returns how many
 * layers it removed.
 */
export async function sweepLayers(store: Store, dir: string, ttlDays: number, logger: Logger): Promise<number> {
  for (const build of await store.functionBuilds.unusedSince(new Date(Date.now() - ttlDays * DAY_MS))) {
    await store.functionBuilds.delete(build.key);
  }
  const inUse = await store.functionBuilds.layersInUse();
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const stale = name.startsWith('l-') ? !inUse.has(name) : name.startsWith('.build-') && Date.now() - (await stat(path)).mtimeMs > ABANDONED_BUILD_MS;
    if (!stale) continue;
    await rm(path, { recursive: true, force: true });
    if (name.startsWith('l-')) removed++;
  }
  if (removed > 0) logger.info({ removed }, 'removed unused requirement layers');
  return removed;
}
