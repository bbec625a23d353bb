import { describe, expect, it } from 'vitest';
import { checkNode } from '../../../src/functions/node-check.ts';
import { checkPython } from '../../../src/functions/python-check.ts';

describe('Python code check', () => {
  it('accepts a module-level entrypoint however it is defined', async () => {
    await expect(checkPython('def main(inputs):\n    return inputs\n', 'main')).resolves.toBeUndefined();
    await expect(checkPython('async def run(i):\n    return i\n', 'run')).resolves.toBeUndefined();
    await expect(checkPython('from json import loads as main\n', 'main')).resolves.toBeUndefined();
    await expect(checkPython('main = lambda i: i\n', 'main')).resolves.toBeUndefined();
  });

  it('reports the line of a syntax error, including compile-time ones', async () => {
    await expect(checkPython('x = 1\ndef main(inputs:\n    return 1\n', 'main')).rejects.toMatchObject({ code: 'FUNCTION_SYNTAX_ERROR', details: { line: 2 } });
    await expect(checkPython('x = 1\nreturn x\n', 'main')).rejects.toMatchObject({ code: 'FUNCTION_SYNTAX_ERROR', message: expect.stringMatching(/line 2.*outside function/) });
  });

  it('refuses code without the entrypoint at module level', async () => {
    await expect(checkPython('class A:\n    def main(self, i):\n        return i\n', 'main')).rejects.toMatchObject({ code: 'FUNCTION_ENTRYPOINT_MISSING' });
  });
});

describe('Node code check', () => {
  it.each([
    ['module.exports.main = (i) => i', 'cjs'],
    ['exports.main = function (i) { return i }', 'cjs'],
    ['module.exports = { main(i) { return i } }', 'cjs'],
    ['module.exports = { "main": (i) => i }', 'cjs'],
    ['export function main(i) { return i }', 'esm'],
    ['export const main = async (i) => i', 'esm'],
    ['const run = (i) => i\nexport { run as main }', 'esm'],
    ['#!/usr/bin/env node\nwith (Math) { var pi = PI }\nmodule.exports.main = () => pi', 'cjs'],
  ])('finds the entrypoint in %j (%s)', (code, kind) => {
    expect(checkNode(code, 'main')).toBe(kind);
  });

  it('reports line and column of a syntax error', () => {
    expect(() => checkNode('module.exports.main = () => {\n  return 1 +;\n}', 'main')).toThrow(/line 2, column 13/);
  });

  it('refuses code that does not export the entrypoint', () => {
    expect(() => checkNode('function main() {}', 'main')).toThrow(expect.objectContaining({ code: 'FUNCTION_ENTRYPOINT_MISSING' }));
    expect(() => checkNode('export function other() {}', 'main')).toThrow(/export function main/);
  });
});
