import { createHash } from 'node:crypto';
import type { FunctionRuntime } from '../../api-types.ts';

function sha(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** The build of a requested set: same runtime, index and lines → one build, whoever asked. */
export function buildKey(runtime: FunctionRuntime, index: string, requirements: readonly string[]): string {
  return `b-${sha([runtime, index, ...requirements]).slice(0, 32)}`;
}

/**
 * The layer's content address: the RESOLVED set (name==version of everything installed), the
 * interpreter that installed it and the runtime image it is mounted into. Two requested sets that
 * resolve alike share one layer on disk.
 */
export function layerKey(runtime: FunctionRuntime, resolved: readonly string[], interpreter: string, image: string): string {
  return `l-${sha([runtime, interpreter, image, ...[...resolved].sort()]).slice(0, 32)}`;
}
