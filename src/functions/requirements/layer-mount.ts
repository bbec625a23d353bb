import { join } from 'node:path';
import type { FunctionRuntime } from '../../api-types.ts';
import type { ReadOnlyMount } from '../../runtime/index.ts';

/** Where a function's layer appears inside its sandbox. */
export const SANDBOX_LAYER_DIR = '/opt/spawnai/layer';

/**
 * The read-only mount of a layer and the environment that makes it importable. Python finds it on
 * PYTHONPATH; Node's ESM resolution ignores NODE_PATH, so the runner links ./node_modules to it
 * (SPAWN_LAYER_NODE_MODULES) before it imports the function. `sharesHostFs`: the sandbox sees the
 * host's filesystem (isolation `none`), so the layer is used where it is.
 */
export function layerMount(runtime: FunctionRuntime, hostDir: string, sharesHostFs: boolean): { mounts: ReadOnlyMount[]; env: Record<string, string> } {
  const inside = sharesHostFs ? hostDir : SANDBOX_LAYER_DIR;
  const mounts = sharesHostFs ? [] : [{ source: hostDir, target: SANDBOX_LAYER_DIR }];
  const env: Record<string, string> = runtime === 'python' ? { PYTHONPATH: join(inside, 'python') } : { SPAWN_LAYER_NODE_MODULES: join(inside, 'node_modules') };
  return { mounts, env };
}
