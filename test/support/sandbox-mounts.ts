import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Mount points at or under `dir` in this mount namespace, deepest first (octal escapes decoded). */
export function mountsUnder(dir: string): string[] {
  const points = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .map((p) => p.replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((p) => p === dir || p.startsWith(`${dir}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/**
 * Lazily unmounts whatever a killed server left mounted under `dir` (the process runtime mounts a
 * size-limited tmpfs per sandbox directory), so the directory can be removed.
 */
export function unmountAllUnder(dir: string): void {
  for (const point of mountsUnder(dir)) {
    try {
      execFileSync('umount', ['-l', point], { stdio: 'ignore', timeout: 10_000 });
    } catch {
      // already gone (a concurrent destroy) or not ours to unmount: removal reports what is left
    }
  }
}
