import type { AppType } from '../api-types.ts';

/**
 * Everything that differs between app types, in one table: the generator, the validator, the
 * deployer, the health supervisor and the proxy read it instead of branching on the type's name.
 */
export interface AppTypeSpec {
  /** The file the app must have, in order of preference (a script may be JavaScript or Python). */
  entryFiles: readonly string[];
  /** Typical size of a generated app, the denominator of streamed progress. */
  expectedBytes: number;
  /**
   * Where its code runs: in the visitor's browser (static files, no sandbox), as a long-running
   * server on $PORT in a sandbox, or once as a script in a sandbox that is then destroyed.
   */
  runs: 'browser' | 'server' | 'script';
  /** How a running app is watched: its process and an HTTP probe, or not at all (nothing runs). */
  health: 'none' | 'process-and-http';
  /** What the proxy serves: the app's files, its sandbox's server, or the result page of its run. */
  serves: 'files' | 'sandbox' | 'result-page';
  /** The stored page shown at `/` (the result page is written beside a script's sources). */
  indexPage: string;
}

export const APP_TYPE_SPECS: Readonly<Record<AppType, AppTypeSpec>> = {
  webapp: { entryFiles: ['index.html'], expectedBytes: 14_000, runs: 'browser', health: 'none', serves: 'files', indexPage: 'index.html' },
  api: { entryFiles: ['server.js'], expectedBytes: 7_000, runs: 'server', health: 'process-and-http', serves: 'sandbox', indexPage: 'index.html' },
  script: { entryFiles: ['main.js', 'main.py'], expectedBytes: 4_000, runs: 'script', health: 'none', serves: 'result-page', indexPage: 'result.html' },
};

export function appTypeSpec(appType: AppType): AppTypeSpec {
  return APP_TYPE_SPECS[appType];
}

/** Whether deploying the app needs a sandbox (a server or a script run), not just stored files. */
export function needsSandbox(appType: AppType): boolean {
  return APP_TYPE_SPECS[appType].runs !== 'browser';
}

/** The file each app type must have. */
export const ENTRY_FILES: Readonly<Record<AppType, readonly string[]>> = {
  webapp: APP_TYPE_SPECS.webapp.entryFiles,
  api: APP_TYPE_SPECS.api.entryFiles,
  script: APP_TYPE_SPECS.script.entryFiles,
};

/** Typical size of a generated app, the denominator of streamed progress. */
export const EXPECTED_APP_BYTES: Readonly<Record<AppType, number>> = {
  webapp: APP_TYPE_SPECS.webapp.expectedBytes,
  api: APP_TYPE_SPECS.api.expectedBytes,
  script: APP_TYPE_SPECS.script.expectedBytes,
};

export function findEntryFile(appType: AppType, files: readonly { path: string }[]): string | null {
  return ENTRY_FILES[appType].find((entry) => files.some((file) => file.path === entry)) ?? null;
}

/** Interpreters of the entry files that a sandbox runs (the image ships both). */
const INTERPRETERS: Readonly<Record<string, string>> = { '.js': 'node', '.py': 'python3' };

/**
 * How the sandbox runs the app: its interpreter and entry file; null when nothing runs (a web
 * app). Without the entry file, the type's preferred one (validation reports it missing).
 */
export function commandFor(appType: AppType, files: readonly { path: string }[]): string[] | null {
  const spec = APP_TYPE_SPECS[appType];
  if (spec.runs === 'browser') return null;
  const entry = findEntryFile(appType, files) ?? (spec.entryFiles[0] as string);
  return [INTERPRETERS[entry.slice(entry.lastIndexOf('.'))] ?? 'node', entry];
}
