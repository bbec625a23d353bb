import { parse, type Node, type Options, type Program } from 'acorn';
import { SpawnError } from '../errors/index.ts';

export type NodeModuleKind = 'esm' | 'cjs';

const OPTIONS: Options = { ecmaVersion: 'latest', allowHashBang: true, locations: true };

/**
 * Parses the code with acorn (as an ES module, else as a CommonJS script) and checks that it
 * exports `entrypoint`: `export function main`, `export const main`, `export { main }`,
 * `module.exports.main = …`, `exports.main = …` or `module.exports = { main }`.
 * Returns which kind of module it is, so the runner file gets the right extension.
 */
export function checkNode(code: string, entrypoint: string): NodeModuleKind {
  let program: Program;
  try {
    program = parse(code, { ...OPTIONS, sourceType: 'module' });
  } catch (moduleError) {
    try {
      program = parse(code, { ...OPTIONS, sourceType: 'script', allowReturnOutsideFunction: true });
    } catch {
      throw syntaxError(moduleError);
    }
  }
  const kind: NodeModuleKind = program.body.some((n) => n.type.startsWith('Import') || n.type.startsWith('Export')) ? 'esm' : 'cjs';
  const exported = kind === 'esm' ? esmExports(program) : cjsExports(program);
  if (!exported.has(entrypoint)) {
    const hint = kind === 'esm' ? `export function ${entrypoint}(inputs) { … }` : `module.exports.${entrypoint} = (inputs) => …`;
    throw new SpawnError('FUNCTION_ENTRYPOINT_MISSING', `the code does not export "${entrypoint}": add \`${hint}\``);
  }
  return kind;
}

function syntaxError(err: unknown): SpawnError {
  const loc = (err as { loc?: { line: number; column: number } }).loc;
  const message = (err as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
  const where = loc ? `line ${loc.line}, column ${loc.column + 1}` : 'unknown line';
  return new SpawnError('FUNCTION_SYNTAX_ERROR', `JavaScript syntax error at ${where}: ${message}`, { details: { line: loc?.line ?? null } });
}

function esmExports(program: Program): Set<string> {
  const names = new Set<string>();
  for (const node of program.body) {
    if (node.type !== 'ExportNamedDeclaration') continue;
    const declaration = node.declaration;
    if (declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') names.add(declaration.id.name);
    if (declaration?.type === 'VariableDeclaration') {
      for (const d of declaration.declarations) if (d.id.type === 'Identifier') names.add(d.id.name);
    }
    for (const s of node.specifiers) names.add(nameOf(s.exported) ?? '');
  }
  return names;
}

function cjsExports(program: Program): Set<string> {
  const names = new Set<string>();
  for (const node of program.body) {
    if (node.type !== 'ExpressionStatement' || node.expression.type !== 'AssignmentExpression') continue;
    const { left, right } = node.expression;
    if (left.type !== 'MemberExpression') continue;
    if (isModuleExports(left) && right.type === 'ObjectExpression') {
      for (const p of right.properties) if (p.type === 'Property') names.add(nameOf(p.key) ?? '');
    } else if (isModuleExports(left.object) || (left.object.type === 'Identifier' && left.object.name === 'exports')) {
      names.add(nameOf(left.property) ?? '');
    }
  }
  return names;
}

function isModuleExports(node: Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const m = node as Node & { object: Node; property: Node };
  return m.object.type === 'Identifier' && (m.object as Node & { name: string }).name === 'module' && nameOf(m.property) === 'exports';
}

function nameOf(node: Node): string | undefined {
  if (node.type === 'Identifier') return (node as Node & { name: string }).name;
  if (node.type === 'Literal') return String((node as Node & { value: unknown }).value);
  return undefined;
}
