/**
 * `{"$file": "<id>"}` and nothing else: in a function's inputs, that object stands for an uploaded
 * file; the function receives the path of a read-only copy in its sandbox instead.
 */
export function fileRefOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const id = (value as Record<string, unknown>).$file;
  return keys.length === 1 && typeof id === 'string' ? id : undefined;
}

/**
 * The distinct file ids referenced anywhere in `value`, in document order. An explicit stack, like
 * every walk over inputs here: they may nest as deep as the JSON limit allows.
 */
export function collectFileIds(value: unknown): string[] {
  const ids = new Set<string>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    const id = fileRefOf(current);
    if (id !== undefined) ids.add(id);
    else if (current && typeof current === 'object') {
      const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return [...ids];
}
