import { SpawnError } from '../../errors/index.ts';
import type { AppFile } from '../sandbox-driver.ts';
import { packTar, type TarEntry } from './ustar-writer.ts';

const SANDBOX_UID = 1000;

/** Rejects anything but a plain relative POSIX path that stays inside the app directory. */
export function checkAppPath(path: string): void {
  const segments = path.split('/');
  const bad =
    path.length === 0 ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.includes('\0') ||
    segments.some((s) => s === '' || s === '.' || s === '..');
  if (bad)
    throw new SpawnError(
      'DEPLOY_FAILED',
      `refusing app file path ${JSON.stringify(path)}: it must be relative, without "..", "." or empty parts`,
    );
}

/** The app files as a tar archive owned by the sandbox user, parents first. */
export function appArchive(files: readonly AppFile[]): Buffer {
  const owner = { uid: SANDBOX_UID, gid: SANDBOX_UID };
  const dirs = new Set<string>();
  const entries: TarEntry[] = [];
  for (const file of files) {
    checkAppPath(file.path);
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i += 1) {
      const dir = segments.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      entries.push({ path: dir, type: 'directory', mode: 0o755, ...owner });
    }
    entries.push({
      path: file.path,
      type: 'file',
      content: Buffer.from(file.content, 'utf8'),
      mode: 0o644,
      ...owner,
    });
  }
  return packTar(entries);
}
