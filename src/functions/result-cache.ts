import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level: equal inputs give equal text, whatever their key
 * order. An explicit stack of pending values and punctuation instead of recursion: inputs may be a
 * function's own outputs (a workflow step's), which no request body limit has bounded.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const current = item.value;
    if (Array.isArray(current)) {
      out.push('[');
      stack.push({ text: ']' });
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i] as unknown });
        if (i > 0) stack.push({ text: ',' });
      }
    } else if (current && typeof current === 'object') {
      const entries = Object.entries(current as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.push('{');
      stack.push({ text: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as [string, unknown];
        stack.push({ value: v });
        stack.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
      }
    } else {
      out.push(JSON.stringify(current ?? null));
    }
  }
  return out.join('');
}

export function resultCacheKey(functionId: string, version: number, inputs: unknown): string {
  return createHash('sha256').update(`${functionId}\u0000${version}\u0000${canonicalJson(inputs)}`).digest('hex');
}
