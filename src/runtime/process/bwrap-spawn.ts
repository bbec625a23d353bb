import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { SECCOMP_FD } from './bwrap-args.ts';

/** Where the descriptors passed as `inherit` appear in the sandboxed process (after the seccomp pipe). */
export const FIRST_INHERITED_FD = SECCOMP_FD + 1;

export type SandboxChild = ChildProcessByStdio<null, Readable, Readable>;

/**
 * Spawns a launch command with stdout/stderr piped and, when bwrap was told `--seccomp 3`, the
 * seccomp program written to a pipe on descriptor 3 (bwrap reads it to EOF before it runs the
 * app; the descriptor is not passed on to the app).
 */
export function spawnBwrapped(argv: string[], options: { cwd?: string; env: Record<string, string>; detached?: boolean }, seccomp: Buffer | null, inherit: readonly number[] = []): SandboxChild {
  const stdio: ('ignore' | 'pipe' | number)[] = ['ignore', 'pipe', 'pipe', seccomp ? 'pipe' : 'ignore'];
  // Descriptors of this process the sandboxed command inherits, as INHERITED_FDS[0], [1]…
  stdio.push(...inherit);
  const child = spawn(argv[0] ?? 'false', argv.slice(1), { ...options, stdio }) as unknown as SandboxChild;
  if (seccomp) {
    const pipe = (child as unknown as { stdio: (Writable | null)[] }).stdio[SECCOMP_FD];
    // bwrap may exit before reading (a bad argument): nothing to report beyond its own error.
    pipe?.on('error', () => undefined);
    pipe?.end(seccomp);
  }
  return child;
}
