import { describe, expect, it } from 'vitest';
import type { TaskRecord, WorkflowRecord } from '../../../src/store/index.ts';
import { resolveRefs, validateDag } from '../../../src/functions/workflow-dag.ts';
import { readySteps, runVerdict, stepStatuses } from '../../../src/functions/workflow-steps.ts';

const ref = (path: string) => ({ $ref: path });
const step = (id: string, inputs: Record<string, unknown> = {}) => ({ id, functionId: 'fn', inputs });

describe('workflow DAG', () => {
  it('orders steps after their dependencies, wherever the references hide', () => {
    const order = validateDag([step('d', { list: [ref('b.outputs'), { deep: ref('c.outputs.x') }] }), step('b', { v: ref('a.outputs.y') }), step('c', { v: ref('a.outputs') }), step('a', { x: ref('inputs.x') })]);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(order.indexOf('c')).toBeLessThan(order.indexOf('d'));
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('d'));
  });

  it.each([
    [[step('a', { v: ref('b.outputs') }), step('b', { v: ref('c.outputs') }), step('c', { v: ref('a.outputs') })], 'WORKFLOW_CYCLE', /a → b → c → a/],
    [[step('a', { v: ref('nope.outputs.x') })], 'WORKFLOW_UNKNOWN_STEP', /"nope"/],
    [[step('a'), step('a')], 'INVALID_REQUEST', /two steps/],
    [[step('a', { v: ref('a.result') })], 'INVALID_REQUEST', /\$ref "a.result"/],
  ])('refuses %j', (steps, code, message) => {
    expect(() => validateDag(steps)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });

  it('resolves references into values and names a missing field', () => {
    const lookup = { inputs: { x: 2 }, outputsOf: (id: string) => (id === 'a' ? { area: 12, list: [5, 6] } : undefined) };
    expect(resolveRefs({ w: ref('inputs.x'), a: ref('a.outputs.area'), second: ref('a.outputs.list.1'), keep: { $ref: 'a.outputs', other: 1 } }, lookup)).toEqual({
      w: 2,
      a: 12,
      second: 6,
      keep: { $ref: 'a.outputs', other: 1 },
    });
    expect(() => resolveRefs(ref('a.outputs.volume'), lookup)).toThrow(/no "volume"/);
  });
});

describe('workflow run progress', () => {
  const workflow: WorkflowRecord = {
    id: 'wf',
    ownerId: 'o',
    name: 'w',
    createdAt: new Date(),
    steps: [step('a'), step('b', { v: ref('a.outputs') }), step('c', { v: ref('b.outputs') }), step('d', { v: ref('a.outputs') })],
  };
  const task = (stepId: string, state: TaskRecord['state']) => ({ stepId, state, id: `t-${stepId}`, errorCode: state === 'failed' ? 'FUNCTION_ERROR' : null }) as TaskRecord;

  it('starts steps whose dependencies completed, skips those behind a failure, and closes the run', () => {
    let statuses = stepStatuses(workflow, [task('a', 'completed')]);
    expect(readySteps(workflow, statuses)).toEqual(['b', 'd']);
    statuses = stepStatuses(workflow, [task('a', 'completed'), task('b', 'failed'), task('d', 'running')]);
    expect(statuses.map((s) => s.state)).toEqual(['completed', 'failed', 'skipped', 'running']);
    expect(runVerdict(statuses)).toBeNull();
    const done = stepStatuses(workflow, [task('a', 'completed'), task('b', 'failed'), task('d', 'completed')]);
    expect(runVerdict(done)).toEqual({ state: 'failed', error: 'step "b" failed (FUNCTION_ERROR); skipped: c' });
    expect(runVerdict(stepStatuses(workflow, ['a', 'b', 'c', 'd'].map((s) => task(s, 'completed'))))).toEqual({ state: 'completed', error: null });
  });
});
