import type { AppFile } from '../../runtime/index.ts';

/**
 * The `spawnai.smoke.json` each offline template ships, as a model is asked to write one: the
 * verifier runs them after the page loads, so the smoke-step path is exercised with no model.
 * Plain data here (the generator sits above the verifier's schema; the verifier parses it).
 */
const SMOKE_STEPS: Readonly<Record<string, readonly Record<string, string>[]>> = {
  'todo-list': [
    { action: 'fill', selector: '#text', value: 'Buy milk' },
    { action: 'click', selector: '#add button[type=submit]' },
    { action: 'expectText', selector: '#items', text: 'Buy milk' },
  ],
  notes: [{ action: 'expectElement', selector: '#search' }],
  pomodoro: [{ action: 'click', selector: '#start' }, { action: 'expectElement', selector: '#clock' }],
  calculator: [
    { action: 'click', selector: '[data-key="7"]' },
    { action: 'click', selector: '[data-key="+"]' },
    { action: 'click', selector: '[data-key="2"]' },
    { action: 'click', selector: '[data-key="="]' },
    { action: 'expectText', selector: '#out', text: '9' },
  ],
  quiz: [{ action: 'expectElement', selector: '#question' }],
  'habit-tracker': [{ action: 'expectElement', selector: '#add button[type=submit]' }],
  'tip-calculator': [{ action: 'fill', selector: '#bill', value: '100' }, { action: 'expectElement', selector: '#each' }],
  'notes-api': [
    { action: 'fill', selector: '#text', value: 'Written by the smoke test' },
    { action: 'click', selector: '#add button[type=submit]' },
    { action: 'expectText', selector: '#list', text: 'Written by the smoke test' },
  ],
  'poll-api': [
    { action: 'fill', selector: '#label', value: 'Tea' },
    { action: 'click', selector: '#add button[type=submit]' },
    { action: 'expectText', selector: '#options', text: 'Tea' },
  ],
};

export const SMOKE_FILE_NAME = 'spawnai.smoke.json';

/** The template's files plus its smoke file (scripts have none: their exit code is their check). */
export function withSmokeFile(templateId: string, files: AppFile[]): AppFile[] {
  const steps = SMOKE_STEPS[templateId];
  if (!steps || files.some((f) => f.path === SMOKE_FILE_NAME)) return files;
  return [...files, { path: SMOKE_FILE_NAME, content: `${JSON.stringify(steps, null, 2)}\n` }];
}
