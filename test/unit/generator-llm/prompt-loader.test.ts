import { describe, expect, it } from 'vitest';
import { loadPrompt, PROMPT_NAMES } from '../../../src/generator/prompts/index.ts';

const packages = [{ name: 'express', description: 'web server' }, { name: 'ws', description: '' }];

describe('loadPrompt', () => {
  it.each(PROMPT_NAMES)('loads %s with every placeholder filled', (name) => {
    const prompt = loadPrompt(name, { appType: 'api', packages });
    expect(prompt.id).toBe(`${name}.v1`);
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
});
