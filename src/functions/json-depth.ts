/**
 * Deepest nesting the platform keeps in a value that did not arrive in a request body, whose depth
 * SPAWN_MAX_JSON_DEPTH already bounds: a function's outputs (which become the next workflow step's
 * inputs), a stored row. JSON.stringify and zod's validators recurse, one stack frame or more per
 * level, and stay far from the stack's end below this.
 */
export const MAX_VALUE_DEPTH = 512;

/**
 * True when arrays and objects inside `value` nest deeper than `maxDepth` (a scalar is depth 0,
 * `[]` depth 1). An explicit stack, not recursion, so any depth is measured safely; it stops at
 * the first branch that goes too deep.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: current, depth } = item;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
