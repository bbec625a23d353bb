import { readFileSync } from 'node:fs';
import os from 'node:os';
import { SpawnError } from '../errors/index.ts';

/**
 * Memory the host can still give to new processes, in MiB: Linux's `MemAvailable` (free memory
 * plus what the page cache can drop), which is what the OOM killer runs out of. `os.freemem()`
 * reports `MemFree` only, which a busy page cache keeps near zero; it is the fallback elsewhere.
 */
export function availableMemoryMb(): number {
  try {
    const line = /^MemAvailable:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (line?.[1]) return Math.floor(Number(line[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.floor(os.freemem() / 1024 / 1024);
}

/** Throws HOST_CAPACITY_EXHAUSTED when the host has less than `floorMb` available (0: never). */
export function assertHostMemoryFloor(floorMb: number): void {
  if (floorMb <= 0) return;
  const available = availableMemoryMb();
  if (available < floorMb) {
    throw new SpawnError('HOST_CAPACITY_EXHAUSTED', `the worker's host has ${available} MiB of memory available, under its ${floorMb} MiB floor (SPAWN_MIN_FREE_MEMORY_MB): no new sandbox until other apps end`);
  }
}
