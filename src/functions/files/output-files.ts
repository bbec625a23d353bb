import { isSafeFileName } from './file-names.ts';

export interface OutputLimits {
  maxFiles: number;
  maxBytes: number;
}

export type OutputFiles = { ok: true; files: { name: string; content: Buffer }[] } | { ok: false; message: string };

/**
 * Checks what a runner reported of `./outputs/` (`[{name, data: base64}]`). The runner shares its
 * process with the function, so its answer is untrusted like the function itself: names must be
 * one plain segment, and the count and decoded size are held to the limits here, not there.
 */
export function readOutputFiles(reported: unknown, limits: OutputLimits): OutputFiles {
  if (reported === undefined || reported === null) return { ok: true, files: [] };
  if (!Array.isArray(reported)) return { ok: false, message: 'the runner reported output files in an unknown shape' };
  if (reported.length > limits.maxFiles) {
    return { ok: false, message: `the function left ${reported.length} files under ./outputs/; at most ${limits.maxFiles} are kept (SPAWN_FUNCTION_OUTPUT_FILES_MAX)` };
  }
  const files: { name: string; content: Buffer }[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const entry of reported as unknown[]) {
    const { name, data } = (entry ?? {}) as { name?: unknown; data?: unknown };
    if (!isSafeFileName(name) || typeof data !== 'string' || seen.has(name)) {
      return { ok: false, message: `an output file has an unusable name: ${JSON.stringify(name).slice(0, 100)}` };
    }
    seen.add(name);
    const content = Buffer.from(data, 'base64');
    total += content.length;
    if (total > limits.maxBytes) {
      return { ok: false, message: `the files under ./outputs/ exceed ${limits.maxBytes} bytes (SPAWN_FUNCTION_OUTPUT_FILES_MAX_MB)` };
    }
    files.push({ name, content });
  }
  return { ok: true, files };
}
