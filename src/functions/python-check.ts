import { execFile } from 'node:child_process';
import { SpawnError } from '../errors/index.ts';

const CHECK_TIMEOUT_MS = 10_000;

/** Parses (and compiles, which catches e.g. `return` outside a function) without running anything. */
const CHECK_SCRIPT = `
import ast, json, sys
src = sys.stdin.read()
try:
    tree = ast.parse(src, '<function>')
    compile(tree, '<function>', 'exec')
except SyntaxError as e:
    print(json.dumps({'ok': False, 'line': e.lineno, 'message': e.msg, 'text': (e.text or '').rstrip()}))
    sys.exit(0)
names = set()
for node in tree.body:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        names.add(node.name)
    elif isinstance(node, ast.Assign):
        names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        names.add(node.target.id)
    elif isinstance(node, ast.ImportFrom):
        names.update(a.asname or a.name for a in node.names)
print(json.dumps({'ok': True, 'names': sorted(names)}))
`;

interface PythonCheck {
  ok: boolean;
  line?: number;
  message?: string;
  text?: string;
  names?: string[];
}

/** Checks Python syntax and that `entrypoint` is defined at module level, in a short-lived python3. */
export async function checkPython(code: string, entrypoint: string): Promise<void> {
  const answer = await runPython(code);
  if (!answer.ok) {
    const where = answer.line ? `line ${answer.line}` : 'unknown line';
    const text = answer.text ? `: ${answer.text.trim()}` : '';
    throw new SpawnError('FUNCTION_SYNTAX_ERROR', `Python syntax error at ${where}: ${answer.message ?? 'invalid syntax'}${text}`, {
      details: { line: answer.line ?? null },
    });
  }
  if (!answer.names?.includes(entrypoint)) {
    throw new SpawnError('FUNCTION_ENTRYPOINT_MISSING', `the code defines no top-level "${entrypoint}": add \`def ${entrypoint}(inputs):\` returning a JSON-serialisable value`);
  }
}

function runPython(code: string): Promise<PythonCheck> {
  return new Promise((resolve, reject) => {
    const child = execFile('python3', ['-I', '-c', CHECK_SCRIPT], { timeout: CHECK_TIMEOUT_MS, maxBuffer: 1024 * 1024, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' } }, (err, stdout) => {
      if (err) {
        const reason = err.killed ? `took longer than ${CHECK_TIMEOUT_MS / 1000} s` : err.message;
        return reject(new SpawnError('INTERNAL_ERROR', `cannot check the Python code (python3 ${reason}): is python3 installed on the API node?`, { cause: err }));
      }
      try {
        resolve(JSON.parse(stdout) as PythonCheck);
      } catch (parseError) {
        reject(new SpawnError('INTERNAL_ERROR', 'the Python syntax check answered nonsense', { cause: parseError }));
      }
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(code);
  });
}
