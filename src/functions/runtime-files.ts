import { readFileSync } from 'node:fs';
import type { AppFile, StartOptions } from '../runtime/index.ts';
import type { FunctionVersionRecord } from '../store/index.ts';
import { checkNode } from './node-check.ts';

const RUNNERS = {
  python: { file: 'spawn_runner.py', source: new URL('./runners/python-runner.py', import.meta.url) },
  node: { file: 'spawn_runner.mjs', source: new URL('./runners/node-runner.mjs', import.meta.url) },
} as const;

const sources = new Map<string, string>();

function runnerSource(runtime: keyof typeof RUNNERS): string {
  let text = sources.get(runtime);
  if (text === undefined) {
    text = readFileSync(RUNNERS[runtime].source, 'utf8');
    sources.set(runtime, text);
  }
  return text;
}

/** The files written into a warm runtime's sandbox and the command that starts its runner. */
export function runtimeFiles(fn: FunctionVersionRecord, env: Record<string, string>, python = 'python3'): { files: AppFile[]; start: StartOptions } {
  const runner = RUNNERS[fn.runtime];
  let module: string;
  let interpreter: string;
  if (fn.runtime === 'python') {
    module = 'spawn_function.py';
    interpreter = python;
    // Matplotlib draws to files only: no display in a sandbox.
    env = { MPLBACKEND: 'Agg', ...env };
  } else {
    // The extension tells node how to load it; the code was checked at registration, so this parses.
    module = checkNode(fn.code, fn.entrypoint) === 'esm' ? 'spawn_function.mjs' : 'spawn_function.cjs';
    interpreter = 'node';
  }
  return {
    files: [
      { path: runner.file, content: runnerSource(fn.runtime) },
      { path: module, content: fn.code },
    ],
    start: { command: [interpreter, runner.file, module, fn.entrypoint], env },
  };
}
