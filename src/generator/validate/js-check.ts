import { parse, type Node, type Options } from 'acorn';
import { NODE_BUILTINS } from './curated-packages.ts';

export type JsMode = 'module' | 'script' | 'auto';

/** Parses JavaScript; returns the AST or the syntax error's message with its line and column. */
export function parseJs(source: string, mode: JsMode): { ast: Node } | { error: string } {
  const options: Options = { ecmaVersion: 'latest', allowHashBang: true, locations: true };
  const attempt = (sourceType: 'module' | 'script'): { ast: Node } | { error: string } => {
    try {
      return { ast: parse(source, { ...options, sourceType }) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  if (mode !== 'auto') return attempt(mode);
  const asModule = attempt('module');
  if ('ast' in asModule) return asModule;
  const asScript = attempt('script');
  // An import/export statement means the module error is the relevant one.
  return 'ast' in asScript ? asScript : /\b(?:import|export)\b/.test(source) ? asModule : asScript;
}

/** Every literal module specifier in `import`, `export … from`, `import()` and `require()`. */
export function moduleSpecifiers(ast: Node): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown> & { type?: unknown };
    if (typeof n.type !== 'string') return;
    const source = n.source as { type?: string; value?: unknown } | undefined | null;
    if (['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].includes(n.type) && typeof source?.value === 'string') {
      found.push(source.value);
    }
    if (n.type === 'CallExpression') {
      const callee = n.callee as { type?: string; name?: string };
      const first = (n.arguments as Array<{ type?: string; value?: unknown }>)[0];
      if (callee.type === 'Identifier' && callee.name === 'require' && first?.type === 'Literal' && typeof first.value === 'string') {
        found.push(first.value);
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') visit(value);
  };
  visit(ast);
  return found;
}

const PREFIX_ONLY_BUILTINS = new Set(['node:test', 'node:test/reporters', 'node:sqlite', 'node:sea']);

/** `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`; null for relative paths and URLs. */
export function packageName(specifier: string): string | null {
  if (/^(?:\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/|data:)/i.test(specifier)) return null;
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function isBuiltin(name: string): boolean {
  return NODE_BUILTINS.has(name) || PREFIX_ONLY_BUILTINS.has(name);
}
