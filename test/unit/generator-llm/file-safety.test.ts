import { describe, expect, it } from 'vitest';
import { checkAppFiles, normalizeAppPath } from '../../../src/generator/llm/index.ts';
import { SpawnError } from '../../../src/errors/index.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof SpawnError ? error.code : `not a SpawnError: ${String(error)}`;
  }
  return undefined;
}

describe('normalizeAppPath', () => {
  it('keeps safe relative paths and drops a leading ./', () => {
    expect(normalizeAppPath('index.html')).toBe('index.html');
    expect(normalizeAppPath('./js/app.js')).toBe('js/app.js');
    expect(normalizeAppPath(' assets/logo-2_x.svg ')).toBe('assets/logo-2_x.svg');
  });

  it.each([
    '../x',
    '/etc/passwd',
    'a/../../b',
    'a/./b',
    'CON',
    'con.txt',
    'js/NUL.js',
    'LPT1',
    'C:/Windows/x',
    'C:evil',
    '..\\..\\x',
    'a\\b.js',
    'a\u0000.js',
    'a//b.js',
    '~/.ssh/id_rsa',
    'link -> /etc/passwd',
    'x$(rm -rf).js',
    '',
    'a/b/c/d/e/f/g/h/i.js',
    'trailing.',
    `${'a'.repeat(101)}.js`,
  ])('refuses %j with UNSAFE_FILE_PATH', (path) => {
    expect(codeOf(() => normalizeAppPath(path))).toBe('UNSAFE_FILE_PATH');
  });
});

describe('checkAppFiles', () => {
  it('rejects one oversized file, an oversized app and too many files with APP_TOO_LARGE', () => {
    const limits = { maxFileBytes: 100, maxAppBytes: 250, maxFiles: 3, maxDepth: 8 };
    expect(codeOf(() => checkAppFiles([{ path: 'a.js', content: 'x'.repeat(101) }], limits))).toBe('APP_TOO_LARGE');
    const threeOf90 = ['a', 'b', 'c'].map((name) => ({ path: `${name}.js`, content: 'x'.repeat(90) }));
    expect(codeOf(() => checkAppFiles(threeOf90, limits))).toBe('APP_TOO_LARGE');
    const four = ['a', 'b', 'c', 'd'].map((name) => ({ path: `${name}.js`, content: '' }));
    expect(codeOf(() => checkAppFiles(four, limits))).toBe('APP_TOO_LARGE');
    expect(checkAppFiles(four.slice(0, 3), limits)).toHaveLength(3);
  });

  it('counts bytes, not characters, and applies the 512 KiB default per file', () => {
    expect(codeOf(() => checkAppFiles([{ path: 'a.txt', content: 'é'.repeat(262_145) }]))).toBe('APP_TOO_LARGE');
    expect(checkAppFiles([{ path: 'a.txt', content: 'e'.repeat(262_145) }])).toHaveLength(1);
  });

  it('lets a later duplicate replace an earlier one', () => {
    expect(checkAppFiles([{ path: './a.js', content: '1' }, { path: 'a.js', content: '2' }])).toEqual([{ path: 'a.js', content: '2' }]);
  });
});
