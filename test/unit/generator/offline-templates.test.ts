import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/generator/offline/templates/index.ts';
import { checkHtml, parseScript } from './html-check.ts';

const HOSTILE_TITLE = `</title><script>alert("x")</script><h1>pwned</h1> & 'quotes' ${'`'}\${x}${'`'} café`;

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  const files = template.render('My app');

  it('renders files with safe relative paths and a description and keywords', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file.path).toMatch(/^[a-z][a-z0-9.-]*$/);
    expect(template.description.length).toBeGreaterThan(10);
    expect(template.keywords.length).toBeGreaterThanOrEqual(6);
  });

  it('has the entry file its app type needs', () => {
    const paths = files.map((f) => f.path);
    if (template.appType === 'webapp') expect(paths).toEqual(['index.html']);
    if (template.appType === 'api') expect(paths).toEqual(expect.arrayContaining(['server.js', 'index.html']));
    if (template.appType === 'script') expect(paths.some((p) => p === 'main.js' || p === 'main.py')).toBe(true);
  });

  it('has well-formed HTML whose inline scripts parse, with no network requests', () => {
    for (const file of files.filter((f) => f.path.endsWith('.html'))) {
      const report = checkHtml(file.content);
      expect(report.errors).toEqual([]);
      expect(report.texts.get('title')).toEqual(['My app']);
      expect(report.texts.get('h1')).toEqual(['My app']);
      expect(file.content).toMatch(/prefers-color-scheme:\s*dark/);
      expect(file.content).toContain('name="viewport"');
      expect(file.content).not.toMatch(/https?:\/\//);
      for (const script of report.scripts) {
        expect(script.src).toBeUndefined();
        expect(() => parseScript(script.body, script.type === 'module' ? 'module' : 'script')).not.toThrow();
      }
    }
  });

  it('has JavaScript entry files that parse and use only built-in modules', () => {
    for (const file of files.filter((f) => f.path.endsWith('.js'))) {
      expect(() => parseScript(file.content, 'script')).not.toThrow();
      const required = [...file.content.matchAll(/require\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
      for (const name of required) expect(name).toMatch(/^node:/);
    }
  });

  it('escapes the title instead of letting it inject markup', () => {
    const hostile = template.render(HOSTILE_TITLE);
    for (const file of hostile.filter((f) => f.path.endsWith('.html'))) {
      const safe = checkHtml(files.find((f) => f.path === file.path)?.content ?? '');
      const report = checkHtml(file.content);
      expect(report.errors).toEqual([]);
      expect(report.texts.get('title')).toEqual([HOSTILE_TITLE]);
      expect(report.tagCounts.get('script')).toBe(safe.tagCounts.get('script'));
      expect(report.tagCounts.get('h1')).toBe(1);
    }
    for (const file of hostile.filter((f) => f.path.endsWith('.js'))) {
      expect(() => parseScript(file.content, 'script')).not.toThrow();
    }
  });
});
