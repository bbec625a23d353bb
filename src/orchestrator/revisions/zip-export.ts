import yazl from 'yazl';
import type { AppFile } from '../../runtime/index.ts';

const ZIP_TIMEOUT_MS = 30_000;

/** `Pomodoro timer!` → `pomodoro-timer`; a file name safe in a Content-Disposition header. */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'app' : slug;
}

/** The files as one ZIP archive in memory (apps are small: a few hundred KiB at most). */
export function zipFiles(files: readonly AppFile[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(Buffer.from(file.content, 'utf8'), file.path, { mtime, mode: 0o100644 });
  zip.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => reject(new Error('building the ZIP archive timed out')), ZIP_TIMEOUT_MS);
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
    zip.outputStream.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}
