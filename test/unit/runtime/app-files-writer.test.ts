import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAppPath, writeAppFiles } from '../../../src/runtime/process/app-files-writer.ts';

describe('checkAppPath', () => {
  it.each(['', '/etc/passwd', '../x', 'a/../../x', 'a//b', './a', 'a\\b', 'a/', 'a\0b'])('rejects %j', (path) => {
    expect(() => checkAppPath(path)).toThrow(/unsafe/);
  });

  it('accepts nested relative paths', () => {
    expect(checkAppPath('public/css/site.css')).toEqual(['public', 'css', 'site.css']);
  });
});

describe('writeAppFiles', () => {
  let root: string;
  let appDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'spawnai-files-'));
    appDir = join(root, 'app');
    mkdirSync(appDir);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes nested files and replaces the previous content', async () => {
    await writeAppFiles(appDir, [{ path: 'old.txt', content: 'old' }]);
    await writeAppFiles(appDir, [
      { path: 'src/lib/a.js', content: 'A' },
      { path: 'b.txt', content: 'B' },
    ]);
    expect(readFileSync(join(appDir, 'src/lib/a.js'), 'utf8')).toBe('A');
    expect(readFileSync(join(appDir, 'b.txt'), 'utf8')).toBe('B');
    expect(existsSync(join(appDir, 'old.txt'))).toBe(false);
  });

  it('never follows a symlink the app planted in its directory', async () => {
    const outside = join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'keep.txt'), 'keep');
    symlinkSync(outside, join(appDir, 'evil'));
    symlinkSync(join(outside, 'keep.txt'), join(appDir, 'file.txt'));
    await writeAppFiles(appDir, [
      { path: 'evil/x.txt', content: 'x' },
      { path: 'file.txt', content: 'new' },
    ]);
    expect(existsSync(join(outside, 'x.txt'))).toBe(false);
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(join(appDir, 'evil/x.txt'), 'utf8')).toBe('x');
  });

  it('rejects the whole batch before touching anything when one path is unsafe', async () => {
    await writeAppFiles(appDir, [{ path: 'keep.txt', content: 'k' }]);
    await expect(
      writeAppFiles(appDir, [
        { path: 'ok.txt', content: '' },
        { path: '../x', content: '' },
      ]),
    ).rejects.toThrow(/unsafe/);
    expect(readFileSync(join(appDir, 'keep.txt'), 'utf8')).toBe('k');
  });
});
