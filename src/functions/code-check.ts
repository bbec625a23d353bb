import type { FunctionRuntime } from '../api-types.ts';
import { checkNode } from './node-check.ts';
import { checkPython } from './python-check.ts';

/**
 * Rejects code that cannot run before it is stored: a syntax error is FUNCTION_SYNTAX_ERROR with
 * the line, a missing entrypoint FUNCTION_ENTRYPOINT_MISSING. Nothing is executed.
 */
export async function checkFunctionCode(runtime: FunctionRuntime, code: string, entrypoint: string): Promise<void> {
  if (runtime === 'python') await checkPython(code, entrypoint);
  else checkNode(code, entrypoint);
}
