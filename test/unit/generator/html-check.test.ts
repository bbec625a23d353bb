import { describe, expect, it } from 'vitest';
import { checkHtml, parseScript } from './html-check.ts';

// The template tests rely on these checks; make sure they can actually fail.
describe('checkHtml', () => {
  it('accepts a well-formed page and collects scripts and texts', () => {
    const report = checkHtml('<!doctype html><html><head><title>A &amp; B</title></head><body><br><script>let x = 1;</script></body></html>');
    expect(report.errors).toEqual([]);
    expect(report.texts.get('title')).toEqual(['A & B']);
    expect(report.scripts).toEqual([{ body: 'let x = 1;', type: undefined, src: undefined }]);
  });

  it.each([
    ['<!doctype html><div><span></div>', /span/],
    ['<!doctype html><main><p>open', /main|p/],
    ['<html></html>', /doctype/],
  ])('rejects %j', (html, message) => {
    const report = checkHtml(html);
    expect(report.errors.join('\n')).toMatch(message);
  });

  it('rejects invalid JavaScript', () => {
    expect(() => parseScript('const = 1;')).toThrow();
    expect(() => parseScript('await x;', 'script')).toThrow();
  });
});
