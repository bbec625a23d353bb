import { describe, expect, it } from 'vitest';
import { loadPrompt, PROMPT_NAMES, PROMPT_VERSIONS } from '../../../src/generator/prompts/index.ts';

const packages = [{ name: 'express', description: 'web server' }, { name: 'ws', description: '' }];

describe('loadPrompt', () => {
  it.each(PROMPT_NAMES)('loads %s with every placeholder filled', (name) => {
    const prompt = loadPrompt(name, { appType: 'api', packages });
    expect(prompt.id).toBe(`${name}.${PROMPT_VERSIONS[name]}`);
    expect(prompt.text).not.toMatch(/\{\{/);
    expect(prompt.text).toMatch(/<(file|edit) path=/);
    expect(prompt.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('advertises the curated packages and documents the protocol', () => {
    const prompt = loadPrompt('api', { appType: 'api', packages });
    expect(prompt.text).toContain('- `express` — web server');
    expect(prompt.text).toContain('process.env.PORT');
    expect(prompt.text).toContain('</file>');
    expect(loadPrompt('repair', { appType: 'script', packages }).text).toContain('main.py');
    expect(loadPrompt('api', { appType: 'api', packages: packages.slice(0, 1) }).hash).not.toBe(prompt.hash);
  });

  it('asks web and api apps for a small smoke file with no external URLs, and repairs know browser evidence', () => {
    for (const appType of ['webapp', 'api'] as const) {
      const text = loadPrompt(appType, { appType, packages }).text;
      expect(text).toContain('spawnai.smoke.json');
      expect(text).toMatch(/1 to 5 steps/);
      expect(text).toContain('No external URLs');
    }
    const repair = loadPrompt('repair', { appType: 'webapp', packages }).text;
    expect(repair).toContain('headless browser');
    // The app type's rules (smoke file included) ride along in every repair.
    expect(repair).toContain('spawnai.smoke.json');
    expect(loadPrompt('script', { appType: 'script', packages }).text).not.toContain('spawnai.smoke.json');
  });
});
