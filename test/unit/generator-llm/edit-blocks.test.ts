import { describe, expect, it } from 'vitest';
import { applyEditBlocks, parseEditBlocks } from '../../../src/generator/llm/index.ts';

const FILE = 'function a() {\n  return 1;\n}\n\nfunction b() {\n  return 2;\n}\n';

describe('SEARCH/REPLACE blocks', () => {
  it('parses several blocks and applies them in order', () => {
    const blocks = parseEditBlocks('<<<<<<< SEARCH\n  return 1;\n=======\n  return 10;\n>>>>>>> REPLACE\n\n<<<<<<< SEARCH\n  return 2;\n=======\n  return 20;\n>>>>>>> REPLACE');
    expect(blocks).toHaveLength(2);
    expect(applyEditBlocks(FILE, blocks ?? [])).toEqual({ ok: true, content: FILE.replace('return 1', 'return 10').replace('return 2', 'return 20') });
  });

  it('refuses a SEARCH that is absent or ambiguous', () => {
    expect(applyEditBlocks(FILE, [{ search: 'return 3;', replace: '' }])).toEqual({ ok: false, reason: 'block 1: the SEARCH text does not match the file' });
    expect(applyEditBlocks(FILE, [{ search: '  return', replace: '' }])).toEqual({ ok: false, reason: 'block 1: the SEARCH text matches more than once' });
  });

  it('tolerates trailing-whitespace differences line by line', () => {
    const out = applyEditBlocks('a = 1;   \nb = 2;\n', [{ search: 'a = 1;\nb = 2;', replace: 'a = 3;' }]);
    expect(out).toEqual({ ok: true, content: 'a = 3;\n' });
  });

  it('returns null for malformed markers', () => {
    expect(parseEditBlocks('<<<<<<< SEARCH\nx\n>>>>>>> REPLACE')).toBeNull();
    expect(parseEditBlocks('just text')).toBeNull();
  });
});
