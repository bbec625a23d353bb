import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface CuratedPackage {
  name: string;
  description: string;
}

const PACKAGES_FILE = fileURLToPath(new URL('../../../images/runtime/packages.json', import.meta.url));
const FALLBACK: readonly CuratedPackage[] = [
  { name: 'express', description: 'web server and routing' },
  { name: 'ws', description: 'WebSocket server and client' },
];

let cached: readonly CuratedPackage[] | undefined;

/**
 * The packages every sandboxed app may import, from images/runtime/packages.json (`packages` as a
 * name → description object or a list of names); express and ws when the file is absent.
 */
export function loadCuratedPackages(file: string = PACKAGES_FILE): readonly CuratedPackage[] {
  if (file === PACKAGES_FILE && cached !== undefined) return cached;
  let result: readonly CuratedPackage[] = FALLBACK;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { packages?: unknown };
    result = toList(parsed.packages) ?? FALLBACK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (file === PACKAGES_FILE) cached = result;
  return result;
}

function toList(packages: unknown): CuratedPackage[] | null {
  if (Array.isArray(packages)) {
    return packages.flatMap((entry: unknown) => {
      if (typeof entry === 'string') return [{ name: entry, description: '' }];
      const name = (entry as { name?: unknown } | null)?.name;
      return typeof name === 'string' ? [{ name, description: String((entry as { description?: unknown }).description ?? '') }] : [];
    });
  }
  if (typeof packages === 'object' && packages !== null) {
    return Object.entries(packages).map(([name, description]) => ({ name, description: typeof description === 'string' ? description : '' }));
  }
  return null;
}

/** Node's built-in modules, with and without the `node:` prefix. */
export const NODE_BUILTINS: ReadonlySet<string> = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
