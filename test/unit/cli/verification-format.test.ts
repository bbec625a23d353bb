import { describe, expect, it } from 'vitest';
import { verificationLines, verificationMark } from '../../../src/cli/verification-format.ts';

const checkedAt = '2026-12-04T21:00:00.000Z';

describe('CLI verification output', () => {
  it('lists each problem with where it happened', () => {
    const v = { status: 'problems' as const, checkedAt, version: 1, problems: [{ kind: 'exception', message: "Cannot read properties of null (reading 'addEventListener')", where: '/app.js:2:37' }, { kind: 'empty-page', message: 'the page shows nothing' }] };
    expect(verificationLines(v)).toEqual([
      '    ⚠ verification: this app has 2 problems — ask for a fix in the web UI or with a follow-up edit:',
      "      - /app.js:2:37: Cannot read properties of null (reading 'addEventListener')",
      '      - the page shows nothing',
    ]);
    expect(verificationMark(v)).toBe('⚠ 2');
  });

  it('says passed or skipped in one line, and nothing before a check', () => {
    expect(verificationLines({ status: 'passed', problems: [], checkedAt, version: 1 })).toEqual(['    verification: passed']);
    expect(verificationLines({ status: 'skipped', problems: [], checkedAt, version: 1 })).toEqual(['    verification: skipped (not checked)']);
    expect(verificationLines(null)).toEqual([]);
    expect(verificationMark({ status: 'passed', problems: [], checkedAt, version: 1 })).toBe('');
  });
});
