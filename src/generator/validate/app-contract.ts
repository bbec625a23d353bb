import type { AppType } from '../../api-types.ts';

/** The file each app type must have; a script may be written in JavaScript or Python. */
export const ENTRY_FILES: Readonly<Record<AppType, readonly string[]>> = {
  webapp: ['index.html'],
  api: ['server.js'],
  script: ['main.js', 'main.py'],
};

/** Typical size of a generated app, the denominator of streamed progress. */
export const EXPECTED_APP_BYTES: Readonly<Record<AppType, number>> = {
  webapp: 14_000,
  api: 7_000,
  script: 4_000,
};

export function findEntryFile(appType: AppType, files: readonly { path: string }[]): string | null {
  return ENTRY_FILES[appType].find((entry) => files.some((file) => file.path === entry)) ?? null;
}

/** How the sandbox runs the app, as the offline generator computes it; null for static web apps. */
export function commandFor(appType: AppType, files: readonly { path: string }[]): string[] | null {
  if (appType === 'webapp') return null;
  if (appType === 'api') return ['node', 'server.js'];
  return findEntryFile('script', files) === 'main.py' ? ['python3', 'main.py'] : ['node', 'main.js'];
}
