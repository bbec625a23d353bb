import path from 'node:path';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.,()+=@-]{0,199}$/;

/**
 * A file name that is safe as one path segment on any system and in a URL: the base name of what
 * the client sent, with anything unusual replaced. Never empty, never `.`/`..`, never a path.
 */
export function safeFileName(raw: string | undefined): string {
  const base = path.posix.basename(path.win32.basename(raw ?? ''));
  const cleaned = base.replace(/[^A-Za-z0-9 _.,()+=@-]/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 200);
  return cleaned.length > 0 ? cleaned : 'file';
}

/** True for an output file name the runner may report (one plain segment, see SAFE_NAME). */
export function isSafeFileName(name: unknown): name is string {
  return typeof name === 'string' && SAFE_NAME.test(name) && name !== '.' && name !== '..';
}

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

/** The content type a stored file is served with, from its name only (never from its bytes). */
export function fileContentType(name: string): string {
  return TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}
