import { describe, expect, it } from 'vitest';
import { canonicalJson, resultCacheKey } from '../../../src/functions/result-cache.ts';
import { studyCombinations, toCsv } from '../../../src/functions/study-grid.ts';

describe('study combinations', () => {
  it('grid: every combination, the first parameter varying slowest', () => {
    expect(studyCombinations({ a: [1, 2], b: ['x', 'y', 'z'] }, 'grid', 100)).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: 'z' }, { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'z' },
    ]);
  });

  it('list: the i-th value of each, and lists must be as long', () => {
    expect(studyCombinations({ a: [1, 2], b: [3, 4] }, 'list', 100)).toEqual([{ a: 1, b: 3 }, { a: 2, b: 4 }]);
    expect(() => studyCombinations({ a: [1, 2], b: [3] }, 'list', 100)).toThrow(/as many values/);
  });

  it('refuses more runs than the maximum before building them', () => {
    const huge = { a: Array.from({ length: 1000 }, (_, i) => i), b: Array.from({ length: 1000 }, (_, i) => i) };
    expect(() => studyCombinations(huge, 'grid', 1000)).toThrow(expect.objectContaining({ code: 'STUDY_TOO_LARGE', message: expect.stringContaining('1000 × 1000 = 1000000') }));
  });
});

describe('CSV and cache keys', () => {
  it('writes RFC 4180 CSV, non-scalars as JSON', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [null, { k: [1] }]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n,"{""k"":[1]}"\r\n');
  });

  it('canonical JSON ignores key order, so the cache key does too', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":2,"f":1}]},"b":1}');
    expect(resultCacheKey('fn', 1, { x: 1, y: 2 })).toBe(resultCacheKey('fn', 1, { y: 2, x: 1 }));
    expect(resultCacheKey('fn', 1, { x: 1 })).not.toBe(resultCacheKey('fn', 2, { x: 1 }));
  });
});
