import { describe, expect, it } from 'vitest';
import { parseFiles } from '../../../src/generator/llm/index.ts';

const HTML = '<!DOCTYPE html>\n<html><body>hi</body></html>';

describe('parseFiles fallback shapes', () => {
  it('reads a path from the fence info string (bare or path=)', () => {
    const out = parseFiles('Sure!\n```html index.html\n' + HTML + '\n```\n\n```js path=server.js\nrequire("http");\n```\nDone.');
    expect(out.shape).toBe('fenced');
    expect(out.files).toEqual([
      { path: 'index.html', content: HTML },
      { path: 'server.js', content: 'require("http");' },
    ]);
    expect(out.message).toBe('Sure!\n\nDone.');
  });

  it.each([
    ['`index.html`', 'index.html'],
    ['**index.html**', 'index.html'],
    ['### server.js', 'server.js'],
    ['// server.js', 'server.js'],
    ['index.html', 'index.html'],
    ['File: `styles.css`:', 'styles.css'],
  ])('reads a path standing alone on the line before the fence: %s', (nameLine, path) => {
    const out = parseFiles(`Intro.\n\n${nameLine}\n\`\`\`\nbody {}\n\`\`\`\n`);
    expect(out.files).toEqual([{ path, content: 'body {}' }]);
    expect(out.message).toBe('Intro.');
  });

  it('does not take a sentence before a fence as a path', () => {
    const out = parseFiles('Here is index.html for you:\n```css\nbody {}\n```');
    expect(out.files).toEqual([]);
    expect(out.shape).toBe('none');
  });

  it('reads a JSON object of files, bare or fenced, in both shapes', () => {
    const list = JSON.stringify({ files: [{ path: 'index.html', content: HTML }] });
    const map = JSON.stringify({ 'index.html': HTML, 'app.js': 'x()' });
    expect(parseFiles(list)).toMatchObject({ shape: 'json', files: [{ path: 'index.html', content: HTML }] });
    expect(parseFiles('Files:\n```json\n' + map + '\n```')).toMatchObject({
      shape: 'json',
      files: [
        { path: 'index.html', content: HTML },
        { path: 'app.js', content: 'x()' },
      ],
      message: 'Files:',
    });
    expect(parseFiles('{"name": "not files", "count": 2}').files).toEqual([]);
  });

  it('takes a lone unnamed HTML block as index.html, and an entry-language block for api/script', () => {
    expect(parseFiles('Here:\n```html\n' + HTML + '\n```\nBye').files).toEqual([{ path: 'index.html', content: HTML }]);
    expect(parseFiles('```\n' + HTML + '\n```').files).toEqual([{ path: 'index.html', content: HTML }]);
    expect(parseFiles('```js\nconsole.log(1)\n```', { appType: 'api' }).files).toEqual([{ path: 'server.js', content: 'console.log(1)' }]);
    expect(parseFiles('```python\nprint(1)\n```', { appType: 'script' }).files).toEqual([{ path: 'main.py', content: 'print(1)' }]);
    // Two unnamed HTML blocks are ambiguous.
    expect(parseFiles('```html\n<p>a</p>\n```\n```html\n<p>b</p>\n```').files).toEqual([]);
  });

  it('reports an unclosed named fence as unterminated', () => {
    const out = parseFiles('```html index.html\n<html><body>');
    expect(out.files).toEqual([]);
    expect(out.unterminated).toBe('index.html');
  });

  it('prefers the protocol, and never rescues a cut-off protocol block', () => {
    const out = parseFiles('Note\n<file path="a.js">\nx()\n</file>\n```html index.html\n<p>\n```');
    expect(out.shape).toBe('protocol');
    expect(out.files).toEqual([{ path: 'a.js', content: 'x()' }]);
    const cut = parseFiles('<file path="index.html">\n```html\n<p>hi</p>\n```\nmore');
    expect(cut.unterminated).toBe('index.html');
  });
});
