import type { AppType } from '../../api-types.ts';
import { APP_TYPE_SPECS, ENTRY_FILES, findEntryFile } from '../app-types.ts';
import { loadCuratedPackages } from './curated-packages.ts';
import { scanHtml } from './html-check.ts';
import { isBuiltin, moduleSpecifiers, packageName, parseJs, type JsMode } from './js-check.ts';

export interface ValidationResult {
  ok: boolean;
  /** One line each, naming the file, written so a model can fix it (they feed the repair prompt). */
  errors: string[];
}

export interface ValidateOptions {
  /** Packages a server or script may import besides Node's built-ins; images/runtime/packages.json by default. */
  packages?: readonly string[];
}

/**
 * Static checks run before anything is deployed: the entry file exists, HTML is not broken,
 * every JS file (and inline script) parses, and server/script code imports only what the
 * sandbox image ships. Python is not parsed here (no interpreter is assumed on the control plane).
 */
export function validateApp(appType: AppType, files: readonly { path: string; content: string }[], options: ValidateOptions = {}): ValidationResult {
  const errors: string[] = [];
  const paths = new Set(files.map((file) => file.path));
  const allowed = new Set(options.packages ?? loadCuratedPackages().map((entry) => entry.name));
  if (findEntryFile(appType, files) === null) {
    errors.push(`missing entry file: the app must have ${ENTRY_FILES[appType].join(' or ')}`);
  }
  for (const file of files) {
    if (/\.html?$/i.test(file.path)) {
      const scan = scanHtml(file.content);
      errors.push(...scan.errors.map((error) => `${file.path}: ${error}`));
      for (const script of scan.inlineScripts) {
        const parsed = parseJs(script.source, script.module ? 'module' : 'auto');
        if ('error' in parsed) errors.push(`${file.path}: inline <script> at line ${script.line}: ${parsed.error}`);
      }
      for (const reference of scan.localReferences) {
        if (!paths.has(reference)) errors.push(`${file.path} loads ${reference}, which is not one of the app's files`);
      }
    }
    const mode = jsMode(file.path);
    if (mode === null) continue;
    const parsed = parseJs(file.content, mode);
    if ('error' in parsed) {
      errors.push(`${file.path}: syntax error: ${parsed.error}`);
      continue;
    }
    const runsInBrowser = APP_TYPE_SPECS[appType].runs === 'browser';
    for (const specifier of moduleSpecifiers(parsed.ast)) {
      const name = packageName(specifier);
      if (name === null) continue;
      if (runsInBrowser) errors.push(`${file.path}: bare import of '${specifier}' cannot load in the browser; use a relative path or a full https:// URL`);
      else if (!isBuiltin(name) && !allowed.has(name)) {
        errors.push(`${file.path}: import of '${name}' is not available in the sandbox; use Node built-ins or ${[...allowed].join(', ')}`);
      }
    }
  }
  // A server is reached on the port the sandbox gives it.
  if (APP_TYPE_SPECS[appType].runs === 'server') {
    const server = files.find((file) => file.path === 'server.js');
    if (server !== undefined && !/process\.env(?:\.PORT\b|\[\s*['"]PORT['"]\s*\]|[\s\S]{0,200}\bPORT\b)|\bPORT\b[\s\S]{0,200}process\.env/.test(server.content)) {
      errors.push('server.js: the server must listen on process.env.PORT');
    }
  }
  return { ok: errors.length === 0, errors };
}

function jsMode(path: string): JsMode | null {
  if (path.endsWith('.mjs')) return 'module';
  if (path.endsWith('.cjs')) return 'script';
  return path.endsWith('.js') ? 'auto' : null;
}
