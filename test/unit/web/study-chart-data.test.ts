import { describe, expect, it } from 'vitest';
import type { StudyRow } from '../../../src/api-types.ts';
import { fieldValue, heatColour, heatMap, linePoints, numericFields, variedParameters } from '../../../web/src/study/study-chart-data.ts';

const row = (index: number, inputs: Record<string, unknown>, state: StudyRow['state'], outputs: unknown): StudyRow => ({ index, inputs, state, outputs, error: null, taskId: null, runId: null });

describe('study chart data', () => {
  const rows = [
    row(0, { x: 2, y: 'a' }, 'completed', { solve: { stress: 4, ok: true, list: [1] }, n: 1 }),
    row(1, { x: 1, y: 'a' }, 'failed', null),
    row(2, { x: 1, y: 'b' }, 'completed', { solve: { stress: 9 }, n: 2 }),
    row(3, { x: 2, y: 'b' }, 'running', null),
  ];

  it("finds every numeric output field, a workflow step's included, and reads it", () => {
    expect(numericFields(rows)).toEqual(['n', 'solve.stress']);
    expect(fieldValue(rows[0]!.outputs, 'solve.stress')).toBe(4);
    expect(fieldValue(rows[0]!.outputs, 'solve.ok')).toBeNull();
    expect(fieldValue(null, 'n')).toBeNull();
  });

  it('sorts points along x, grouped by the other parameters, with their state', () => {
    expect(linePoints(rows, 'x', 'n').map((p) => [p.x, p.y, p.state, p.group])).toEqual([
      [1, null, 'failed', 'y="a"'],
      [1, 2, 'completed', 'y="b"'],
      [2, 1, 'completed', 'y="a"'],
      [2, null, 'pending', 'y="b"'],
    ]);
    expect(variedParameters({ x: [1, 2], c: [5] })).toEqual(['x']);
  });

  it('lays out a heat map grid with the value range', () => {
    const map = heatMap(rows, 'x', 'y', 'solve.stress');
    expect(map.xs).toEqual([1, 2]);
    expect(map.ys).toEqual(['"a"', '"b"']);
    expect(map.cells.map((c) => [c.col, c.row, c.value, c.state])).toEqual([
      [1, 0, 4, 'completed'],
      [0, 0, null, 'failed'],
      [0, 1, 9, 'completed'],
      [1, 1, null, 'pending'],
    ]);
    expect([map.min, map.max]).toEqual([4, 9]);
    expect(heatColour(4, 4, 9)).toBe('rgb(68, 1, 84)');
    expect(heatColour(9, 4, 9)).toBe('rgb(253, 231, 37)');
  });
});
