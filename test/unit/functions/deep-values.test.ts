import { describe, expect, it } from 'vitest';
import { validateInputs } from '../../../src/functions/input-schema.ts';
import { invokeOutcome } from '../../../src/functions/invoke-outcome.ts';
import { MAX_VALUE_DEPTH, nestsDeeperThan } from '../../../src/functions/json-depth.ts';
import { canonicalJson } from '../../../src/functions/result-cache.ts';
import { studyCombinations, toCsv } from '../../../src/functions/study-grid.ts';
import { collectRefs, resolveRefs, stepDependencies } from '../../../src/functions/workflow-dag.ts';

/** Far deeper than the call stack goes: any recursive walk over these throws a RangeError. */
const DEEP = 100_000;

function nested(levels: number, leaf: unknown = 1, wrap: (v: unknown) => unknown = (v) => [v]): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

describe('walks over values nested deeper than the stack', () => {
  it('measures depth without recursion', () => {
    expect(nestsDeeperThan(1, 0)).toBe(false);
    expect(nestsDeeperThan([], 0)).toBe(true);
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(3), 2)).toBe(true);
    expect(nestsDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
    expect(nestsDeeperThan(nested(DEEP), MAX_VALUE_DEPTH)).toBe(true);
    expect(nestsDeeperThan(nested(DEEP, 1, (v) => ({ a: v })), DEEP)).toBe(false);
  });

  it('canonicalJson: the same text as before for ordinary values, and any depth', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: undefined, e: {} })).toBe('{"b":[1,{"c":"x","d":null}],"e":{}}');
    expect(canonicalJson([undefined, 'a\u0000"', -0, 1e308])).toBe('[null,"a\\u0000\\"",0,1e+308]');
    expect(canonicalJson({ z: 1, a: { y: 2, b: 3 } })).toBe(canonicalJson({ a: { b: 3, y: 2 }, z: 1 }));
    expect(canonicalJson(undefined)).toBe('null');
    const text = canonicalJson(nested(DEEP, 7, (v) => ({ k: v })));
    expect(text.length).toBe(DEEP * 6 + 1);
    expect(text.startsWith('{"k":{"k":')).toBe(true);
    expect(canonicalJson(nested(DEEP))).toBe('['.repeat(DEEP) + '1' + ']'.repeat(DEEP));
  });

  it('workflow $ref collection and resolution: any depth, document order, `__proto__` kept as a key', () => {
    const inputs = { deep: nested(DEEP, { $ref: 'a.outputs.x' }) };
    expect(collectRefs(inputs)).toEqual([{ kind: 'step', stepId: 'a', path: ['x'] }]);
    expect(stepDependencies([{ id: 'b', functionId: 'f', inputs }]).get('b')).toEqual(['a']);
    const resolved = resolveRefs(inputs, { inputs: {}, outputsOf: () => ({ x: 'found' }) }) as { deep: unknown };
    let cursor: unknown = resolved.deep;
    for (let i = 0; i < DEEP; i++) cursor = (cursor as unknown[])[0];
    expect(cursor).toBe('found');
    const huge = resolveRefs({ v: { $ref: 'a.outputs' } }, { inputs: {}, outputsOf: () => nested(DEEP) });
    expect(nestsDeeperThan(huge, DEEP)).toBe(true);
    const poisoned = JSON.parse('{"__proto__": {"admin": true}, "list": [{"$ref": "inputs.x"}, 2]}') as unknown;
    const copy = resolveRefs(poisoned, { inputs: { x: 1 }, outputsOf: () => undefined }) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['__proto__', 'list']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.list).toEqual([1, 2]);
    expect(() => resolveRefs([{ $ref: 'a.outputs.first' }, { $ref: 'a.outputs.second' }], { inputs: {}, outputsOf: () => ({}) })).toThrow(/no "first"/);
  });

  it('input schemas and inputs nested too deep are refused with their codes, not a RangeError', () => {
    const recursive = { $defs: { n: { type: 'array', items: { $ref: '#/$defs/n' } } }, $ref: '#/$defs/n' };
    expect(() => validateInputs(recursive, nested(MAX_VALUE_DEPTH - 1, []))).not.toThrow();
    expect(() => validateInputs(recursive, nested(DEEP, []))).toThrow(expect.objectContaining({ code: 'FUNCTION_INPUT_INVALID', message: expect.stringContaining(`${MAX_VALUE_DEPTH} levels`) }));
    const deepSchema = nested(DEEP, { type: 'number' }, (v) => ({ type: 'object', properties: { a: v } })) as Record<string, unknown>;
    expect(() => validateInputs(deepSchema, {})).toThrow(expect.objectContaining({ code: 'FUNCTION_SCHEMA_INVALID' }));
  });

  it('function outputs nested too deep are a task error (FUNCTION_OUTPUT_INVALID), not a stored value', () => {
    const outcome = invokeOutcome({ ok: true, outputs: nested(DEEP), stdout: 'o', stderr: '', durationMs: 3 }, 5);
    expect(outcome).toMatchObject({ kind: 'error', code: 'FUNCTION_OUTPUT_INVALID', stdout: 'o', durationMs: 3 });
    expect(outcome.kind === 'error' && outcome.message).toContain(`deeper than ${MAX_VALUE_DEPTH} levels`);
    expect(invokeOutcome({ ok: true, outputs: nested(MAX_VALUE_DEPTH - 1, {}) }, 5).kind).toBe('ok');
  });

  it('study grids carry deep parameter values through, and CSV names a cell it cannot serialise', () => {
    const value = nested(DEEP);
    const runs = studyCombinations({ p: [value, 2] }, 'grid', 10);
    expect(runs[0]?.p).toBe(value);
    const csv = toCsv(['p', 'out'], [[2, value], [3, { a: [1] }]]);
    expect(csv).toBe(`p,out\r\n2,[nested deeper than ${MAX_VALUE_DEPTH} levels]\r\n3,"{""a"":[1]}"\r\n`);
  });
});
