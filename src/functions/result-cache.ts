import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: equal inputs give equal text, whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function resultCacheKey(functionId: string, version: number, inputs: unknown): string {
  return createHash('sha256').update(`${functionId}\u0000${version}\u0000${canonicalJson(inputs)}`).digest('hex');
}
