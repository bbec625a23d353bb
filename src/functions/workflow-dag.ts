import { SpawnError } from '../errors/index.ts';
import type { WorkflowStepRecord } from '../store/index.ts';

export type Ref = { kind: 'inputs'; path: string[] } | { kind: 'step'; stepId: string; path: string[] } | { kind: 'step-files'; stepId: string; path: string[] };

/** `{"$ref": "…"}` and nothing else: that object stands for the referenced value. */
function refOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const ref = (value as Record<string, unknown>).$ref;
  return keys.length === 1 && typeof ref === 'string' ? ref : undefined;
}

/**
 * `inputs[.path]`, `<step>.outputs[.path]` (a path segment may be an array index), or
 * `<step>.files.<name>`: a file the step left under ./outputs/, passed on as `{"$file": id}`
 * (the name is the rest of the reference, dots included).
 */
export function parseRef(ref: string): Ref {
  const [head, ...rest] = ref.split('.');
  if (head === 'inputs') return { kind: 'inputs', path: rest };
  if (head && rest[0] === 'outputs') return { kind: 'step', stepId: head, path: rest.slice(1) };
  if (head && rest[0] === 'files' && rest.length > 1) return { kind: 'step-files', stepId: head, path: [rest.slice(1).join('.')] };
  throw new SpawnError('INVALID_REQUEST', `$ref "${ref}" must be "<step>.outputs[.<field>…]", "<step>.files.<name>" or "inputs[.<field>…]"`);
}

/**
 * Every `$ref` inside `value`, in document order. Walked with an explicit stack, like every walk
 * over step inputs here: a step's inputs may hold a function's outputs, which nest without bound.
 */
export function collectRefs(value: unknown, into: Ref[] = []): Ref[] {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    const ref = refOf(current);
    if (ref !== undefined) into.push(parseRef(ref));
    else if (current && typeof current === 'object') {
      const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
      // Pushed last to first (not spread: a long array would overflow the argument list).
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return into;
}

/** Each step's dependencies (the steps its inputs reference), in declaration order. */
export function stepDependencies(steps: WorkflowStepRecord[]): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const step of steps) {
    const ids = collectRefs(step.inputs).flatMap((r) => (r.kind === 'inputs' ? [] : [r.stepId]));
    deps.set(step.id, [...new Set(ids)]);
  }
  return deps;
}

/**
 * Checks that the steps form a DAG: unique ids, references to existing steps only, no cycle.
 * Returns the steps in an order where every step comes after its dependencies.
 */
export function validateDag(steps: WorkflowStepRecord[]): string[] {
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) throw new SpawnError('INVALID_REQUEST', `two steps are called "${step.id}"`);
    ids.add(step.id);
  }
  const deps = stepDependencies(steps);
  for (const [stepId, needs] of deps) {
    const unknown = needs.find((d) => !ids.has(d));
    if (unknown) throw new SpawnError('WORKFLOW_UNKNOWN_STEP', `step "${stepId}" references step "${unknown}", which does not exist`);
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      throw new SpawnError('WORKFLOW_CYCLE', `the steps depend on each other in a cycle: ${cycle.join(' → ')}`, { details: { cycle } });
    }
    state.set(id, 'visiting');
    for (const dep of deps.get(id) ?? []) visit(dep, [...trail, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const step of steps) visit(step.id, []);
  return order;
}

/** Replaces every `{"$ref"}` with its value; throws an Error naming the reference when it is missing. */
export function resolveRefs(value: unknown, lookup: { inputs: unknown; outputsOf: (stepId: string) => unknown; filesOf?: (stepId: string) => unknown }): unknown {
  const root: { value?: unknown } = {};
  // Each pending value is copied into its slot of the copy being built, in document order (so the
  // first missing reference is the one reported, as before).
  const stack: { from: unknown; into: object; key: string | number }[] = [{ from: value, into: root, key: 'value' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { from, into, key } = item;
    const ref = refOf(from);
    let copy: unknown = from;
    if (ref !== undefined) {
      const parsed = parseRef(ref);
      const root = parsed.kind === 'inputs' ? lookup.inputs : parsed.kind === 'step' ? lookup.outputsOf(parsed.stepId) : lookup.filesOf?.(parsed.stepId);
      copy = follow(root, parsed.path, ref);
    } else if (Array.isArray(from)) {
      copy = new Array<unknown>(from.length).fill(null);
      for (let i = from.length - 1; i >= 0; i--) stack.push({ from: from[i] as unknown, into: copy as unknown[], key: i });
    } else if (from && typeof from === 'object') {
      const entries = Object.entries(from);
      // Keys defined now, in order (their values follow): a `__proto__` key stays a plain key.
      copy = Object.fromEntries(entries.map(([k]) => [k, null]));
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ from: entries[i]?.[1], into: copy as object, key: entries[i]?.[0] ?? '' });
    }
    Object.defineProperty(into, key, { value: copy, writable: true, enumerable: true, configurable: true });
  }
  return root.value;
}

function follow(root: unknown, path: string[], ref: string): unknown {
  let current = root;
  for (const [i, key] of path.entries()) {
    const container = current as Record<string, unknown> | unknown[] | null;
    const has = container !== null && typeof container === 'object' && Object.prototype.hasOwnProperty.call(container, key);
    if (!has) throw new Error(`$ref "${ref}": there is no "${path.slice(0, i + 1).join('.')}"`);
    current = (container as Record<string, unknown>)[key];
  }
  return current;
}
