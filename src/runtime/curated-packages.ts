import { readFileSync } from 'node:fs';

/**
 * The packages every sandboxed app may import without installing anything. The runtime image
 * ships exactly these (images/runtime/packages.json, with their dependency closure) and the
 * generation prompts advertise the same list, so generated code never needs `npm install`.
 */
export interface CuratedPackage {
  name: string;
  /** One line for the prompt: what the package is for. */
  purpose: string;
}

const PACKAGES_FILE = new URL('../../images/runtime/packages.json', import.meta.url);

function loadCuratedPackages(): readonly CuratedPackage[] {
  const parsed = JSON.parse(readFileSync(PACKAGES_FILE, 'utf8')) as {
    packages?: Record<string, string>;
  };
  if (!parsed.packages || typeof parsed.packages !== 'object') {
    throw new Error(`${PACKAGES_FILE.pathname}: expected a "packages" object of name → purpose`);
  }
  return Object.freeze(Object.entries(parsed.packages).map(([name, purpose]) => Object.freeze({ name, purpose })));
}

export const CURATED_PACKAGES: readonly CuratedPackage[] = loadCuratedPackages();
export const CURATED_PACKAGE_NAMES: readonly string[] = Object.freeze(CURATED_PACKAGES.map((p) => p.name));
