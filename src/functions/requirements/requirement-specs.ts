import type { FunctionRuntime } from '../../api-types.ts';
import { SpawnError } from '../../errors/index.ts';

const MAX_REQUIREMENTS = 100;
const MAX_LENGTH = 200;

/**
 * A PEP 508 name with optional extras and version clauses, nothing else: no `@ url`, no markers,
 * no options (`-e`, `--index-url`, `-r`), no paths. So pip can only ask the configured index.
 */
const VERSION_CLAUSE = String.raw`(?:~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+`;
const PIP_SPEC = new RegExp(
  String.raw`^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:\[\s*[A-Za-z0-9._-]+(?:\s*,\s*[A-Za-z0-9._-]+)*\s*\])?` +
    String.raw`(?:\s*${VERSION_CLAUSE}(?:\s*,\s*${VERSION_CLAUSE})*)?$`,
);

/** An npm name (optionally scoped) with an optional semver range or dist-tag: no git, URL, file: or alias. */
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const NPM_RANGE = /^[A-Za-z0-9.^~<>=|*+ x-]+$/;

/** Normalised lines (trimmed, sorted, unique), or FUNCTION_REQUIREMENTS_INVALID naming the first bad one. */
export function parseRequirements(runtime: FunctionRuntime, lines: readonly string[] | undefined): string[] {
  if (!lines || lines.length === 0) return [];
  if (lines.length > MAX_REQUIREMENTS) throw invalid(`at most ${MAX_REQUIREMENTS} requirements`);
  const out = new Set<string>();
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0 || line.length > MAX_LENGTH) throw invalid(`requirement ${JSON.stringify(raw)} is empty or longer than ${MAX_LENGTH} characters`);
    const ok = runtime === 'python' ? PIP_SPEC.test(line) : npmSpec(line) !== null;
    if (!ok) throw invalid(`requirement ${JSON.stringify(line)} is not a plain ${runtime === 'python' ? 'pip requirement (name[extras] and version clauses)' : 'npm package spec (name or name@range)'}: URLs, paths, -e, markers and index options are refused`);
    out.add(runtime === 'python' ? line.replace(/\s+/g, '') : line);
  }
  return [...out].sort();
}

/** `name@range` → [name, range]; null when it is not a plain registry spec. */
export function npmSpec(line: string): [string, string] | null {
  const at = line.indexOf('@', 1);
  const name = at === -1 ? line : line.slice(0, at);
  const range = at === -1 ? 'latest' : line.slice(at + 1).trim();
  if (!NPM_NAME.test(name) || name.length > 214) return null;
  if (range.length === 0 || !NPM_RANGE.test(range)) return null;
  return [name, range];
}

function invalid(message: string): SpawnError {
  return new SpawnError('FUNCTION_REQUIREMENTS_INVALID', message);
}
