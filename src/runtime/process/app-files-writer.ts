import { constants } from 'node:fs';
import { lchown, lstat, mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SpawnError } from '../../errors/index.ts';
import type { AppFile } from '../sandbox-driver.ts';

/** Rejects anything but a plain relative POSIX path that stays inside the app directory. */
export function checkAppPath(path: string): string[] {
  const parts = path.split('/');
  const bad =
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.includes('\0') ||
    parts.some((p) => p === '' || p === '.' || p === '..');
  if (bad) throw new SpawnError('DEPLOY_FAILED', `refusing unsafe app file path ${JSON.stringify(path)}`);
  return parts;
}

/**
 * Replaces the app directory's content with `files`. The directory is writable from inside the
 * sandbox, so the app may have planted symlinks: no path component may be one, and the final
 * open uses O_NOFOLLOW, so a write can never land outside the directory.
 */
export async function writeAppFiles(
  appDir: string,
  files: AppFile[],
  owner?: { uid: number; gid: number },
): Promise<void> {
  const checked = files.map((file) => ({
    file,
    parts: checkAppPath(file.path),
  }));
  for (const entry of await readdir(appDir)) await rm(join(appDir, entry), { recursive: true, force: true });
  for (const { file, parts } of checked) {
    let dir = appDir;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      await mkdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      await refuseNonDirectory(dir, file.path);
      if (owner) await lchown(dir, owner.uid, owner.gid);
    }
    const target = join(dir, parts.at(-1) ?? '');
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
    const handle = await open(target, flags, 0o644).catch((err: NodeJS.ErrnoException) => {
      throw new SpawnError('DEPLOY_FAILED', `cannot write app file ${file.path}: ${err.code ?? err.message}`, {
        cause: err,
      });
    });
    try {
      await handle.writeFile(file.content);
      if (owner) await handle.chown(owner.uid, owner.gid);
    } finally {
      await handle.close();
    }
  }
}

async function refuseNonDirectory(dir: string, path: string): Promise<void> {
  const stat = await lstat(dir);
  if (!stat.isDirectory() || stat.isSymbolicLink()) {
    throw new SpawnError('DEPLOY_FAILED', `refusing app file ${JSON.stringify(path)}: ${dir} is not a directory`);
  }
}
