import { SpawnError } from '../../errors/index.ts';
import type { AppFile } from '../../runtime/index.ts';

export interface FileLimits {
  maxFileBytes: number;
  maxAppBytes: number;
  maxFiles: number;
  maxDepth: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = Object.freeze({
  maxFileBytes: 512 * 1024, // 512 KiB
  maxAppBytes: 2 * 1024 * 1024, // 2 MiB
  maxFiles: 100,
  maxDepth: 8,
});

const SEGMENT = /^[A-Za-z0-9._-]+$/;
// Windows reserves these names whatever the extension (CON.txt too); an app may be zipped and opened there.
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?:\..*)?$/i;
const MAX_SEGMENT_CHARS = 100;
const MAX_PATH_CHARS = 255;

/**
 * Returns the normalised relative POSIX path, or throws UNSAFE_FILE_PATH. Deliberately strict
 * rather than clever: `..` anywhere, absolute paths, drive letters, backslashes, NUL and control
 * characters, `~`, device names and characters outside [A-Za-z0-9._-] are refused, not rewritten.
 */
export function normalizeAppPath(raw: string, maxDepth = DEFAULT_FILE_LIMITS.maxDepth): string {
  const refuse = (why: string): never => {
    throw new SpawnError('UNSAFE_FILE_PATH', `the model wrote an unsafe file path ${JSON.stringify(raw.slice(0, 300))}: ${why}`, {
      details: { path: raw.slice(0, 300) },
    });
  };
  const path = raw.trim().replace(/^(?:\.\/)+/, '');
  if (path === '') refuse('it is empty');
  if (path.length > MAX_PATH_CHARS) refuse(`it is longer than ${MAX_PATH_CHARS} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
  if (/[\u0000-\u001f\u007f]/.test(path)) refuse('it contains a control character');
  if (path.includes('\\')) refuse('it contains a backslash');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) refuse('it is absolute');
  const segments = path.split('/');
  if (segments.length > maxDepth) refuse(`it is nested deeper than ${maxDepth} folders`);
  for (const segment of segments) {
    if (segment === '') refuse('it has an empty segment');
    if (segment === '.' || segment === '..') refuse('it leaves the app folder');
    if (!SEGMENT.test(segment)) refuse(`"${segment}" may only use letters, digits, ".", "_" and "-"`);
    if (segment.length > MAX_SEGMENT_CHARS) refuse(`"${segment.slice(0, 20)}…" is longer than ${MAX_SEGMENT_CHARS} characters`);
    if (WINDOWS_DEVICE.test(segment)) refuse(`"${segment}" is a reserved device name`);
    if (segment.endsWith('.')) refuse(`"${segment}" ends with a dot`);
  }
  return segments.join('/');
}

/** Normalises every path and enforces count and size limits; later duplicates replace earlier ones. */
export function checkAppFiles(files: readonly { path: string; content: string }[], limits: FileLimits = DEFAULT_FILE_LIMITS): AppFile[] {
  const byPath = new Map<string, string>();
  for (const file of files) {
    const path = normalizeAppPath(file.path, limits.maxDepth);
    const bytes = Buffer.byteLength(file.content);
    if (bytes > limits.maxFileBytes) {
      throw new SpawnError('APP_TOO_LARGE', `${path} is ${bytes} bytes; one file may have at most ${limits.maxFileBytes}`, {
        details: { path, bytes, maxFileBytes: limits.maxFileBytes },
      });
    }
    byPath.delete(path);
    byPath.set(path, file.content);
  }
  if (byPath.size > limits.maxFiles) {
    throw new SpawnError('APP_TOO_LARGE', `the app has ${byPath.size} files; at most ${limits.maxFiles} are allowed`, {
      details: { files: byPath.size, maxFiles: limits.maxFiles },
    });
  }
  let total = 0;
  for (const content of byPath.values()) total += Buffer.byteLength(content);
  assertTotalBytes(total, limits);
  return [...byPath].map(([path, content]) => ({ path, content }));
}

export function assertTotalBytes(totalBytes: number, limits: FileLimits = DEFAULT_FILE_LIMITS): void {
  if (totalBytes > limits.maxAppBytes) {
    throw new SpawnError('APP_TOO_LARGE', `the app is over ${limits.maxAppBytes} bytes in total`, {
      details: { bytes: totalBytes, maxAppBytes: limits.maxAppBytes },
    });
  }
}
