import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/errors/index.ts';

describe('error registry', () => {
  const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

  it.each(Object.entries(ERROR_CODES))('the README lists %s with its status', (code, { status }) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    expect(row, `README error table has no row for ${code}`).toBeDefined();
    const shown = row!.split('|')[2]!.trim();
    expect(shown === String(status) || (status === 500 && shown === 'reason')).toBe(true);
  });

  it('uses only 4xx/5xx statuses and unique messages', () => {
    const messages = Object.values(ERROR_CODES).map((e) => e.message);
    expect(new Set(messages).size).toBe(messages.length);
    for (const { status } of Object.values(ERROR_CODES)) expect(status).toBeGreaterThanOrEqual(400);
  });
});
