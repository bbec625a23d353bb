import type { SpawnConfig } from '../../config/index.ts';
import type { BuildState, FunctionVersionRecord, Store } from '../../store/index.ts';
import { buildKey } from './build-key.ts';
import { indexFor } from './layer-builder.ts';

export interface BuildView {
  state: BuildState;
  log: string;
  layer: string | null;
}

/** The build of a version's requirement set as the API shows it; null without requirements. */
export async function buildStatus(store: Store, config: SpawnConfig, fn: FunctionVersionRecord): Promise<BuildView | null> {
  const requirements = fn.requirements ?? [];
  if (requirements.length === 0) return null;
  const row = await store.functionBuilds.get(buildKey(fn.runtime, indexFor(config, fn.runtime), requirements));
  // No row: never built, or swept as unused; the next call builds it.
  return row ? { state: row.state, log: row.log, layer: row.layer } : { state: 'pending', log: '', layer: null };
}

/** Registering a set creates its build, and registering a failed set again retries it. */
export async function recordBuild(store: Store, config: SpawnConfig, fn: FunctionVersionRecord): Promise<void> {
  const requirements = fn.requirements ?? [];
  if (requirements.length === 0) return;
  const key = buildKey(fn.runtime, indexFor(config, fn.runtime), requirements);
  const row = await store.functionBuilds.ensure(key, fn.runtime, requirements);
  if (row.state === 'failed') await store.functionBuilds.retry(key);
}
