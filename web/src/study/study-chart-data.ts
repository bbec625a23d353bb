import type { StudyRow } from '../../../src/api-types.ts';

/** How a run is drawn: its state decides its colour (completed, failed, still to come). */
export type PointState = 'completed' | 'failed' | 'pending';

export interface ChartPoint {
  index: number;
  x: number | string;
  /** null when the run has no value for the field (failed, pending, or not numeric). */
  y: number | null;
  state: PointState;
  /** The other parameters' values: a line joins the runs of one group only. */
  group: string;
}

export const STATE_COLOURS: Record<PointState, string> = { completed: '#2563eb', failed: '#dc2626', pending: '#94a3b8' };

export function pointState(state: StudyRow['state']): PointState {
  if (state === 'completed') return 'completed';
  if (state === 'failed' || state === 'timeout') return 'failed';
  return 'pending';
}

/**
 * Every numeric field of the rows' outputs as a dotted path (`max_stress`, or `solve.max_stress`
 * for a workflow study, whose outputs are `{step: outputs}`), in first-seen order. Arrays are
 * left out: a study charts one number per run.
 */
export function numericFields(rows: StudyRow[]): string[] {
  const fields = new Set<string>();
  for (const row of rows) {
    const stack: [string, unknown, number][] = [['', row.outputs, 0]];
    while (stack.length > 0) {
      const [prefix, value, depth] = stack.shift() as [string, unknown, number];
      if (typeof value === 'number' && Number.isFinite(value) && prefix) fields.add(prefix);
      else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 4) {
        for (const [key, child] of Object.entries(value)) stack.push([prefix ? `${prefix}.${key}` : key, child, depth + 1]);
      }
    }
  }
  return [...fields];
}

export function fieldValue(outputs: unknown, field: string): number | null {
  let current: unknown = outputs;
  for (const key of field.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'number' && Number.isFinite(current) ? current : null;
}

/** The parameters a study varies: those with more than one value (the others are constants). */
export function variedParameters(parameters: Record<string, unknown[]>): string[] {
  return Object.entries(parameters)
    .filter(([, values]) => values.length > 1)
    .map(([name]) => name);
}

function axisValue(value: unknown): number | string {
  return typeof value === 'number' ? value : JSON.stringify(value);
}

/** One point per run: parameter `x` against output `field`, sorted along x for a line. */
export function linePoints(rows: StudyRow[], x: string, field: string): ChartPoint[] {
  const group = (inputs: Record<string, unknown>) => Object.entries(inputs).filter(([name]) => name !== x).map(([name, v]) => `${name}=${JSON.stringify(v)}`).join(', ');
  const points = rows.map((row) => ({ index: row.index, x: axisValue(row.inputs[x]), y: fieldValue(row.outputs, field), state: pointState(row.state), group: group(row.inputs) }));
  return points.sort((a, b) => (typeof a.x === 'number' && typeof b.x === 'number' ? a.x - b.x : String(a.x).localeCompare(String(b.x))));
}

export interface HeatCell {
  index: number;
  col: number;
  row: number;
  value: number | null;
  state: PointState;
}

export interface HeatMap {
  xs: (number | string)[];
  ys: (number | string)[];
  cells: HeatCell[];
  min: number;
  max: number;
}

/** A grid of parameter `x` × parameter `y`, each cell one run's `field` (the last run wins on a repeated pair). */
export function heatMap(rows: StudyRow[], x: string, y: string, field: string): HeatMap {
  const distinct = (name: string) => {
    const seen = new Map<string, number | string>();
    for (const row of rows) seen.set(JSON.stringify(row.inputs[name]), axisValue(row.inputs[name]));
    return [...seen.values()].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  };
  const xs = distinct(x);
  const ys = distinct(y);
  const cells = rows.map((row) => ({
    index: row.index,
    col: xs.indexOf(axisValue(row.inputs[x])),
    row: ys.indexOf(axisValue(row.inputs[y])),
    value: fieldValue(row.outputs, field),
    state: pointState(row.state),
  }));
  const values = cells.flatMap((c) => (c.value === null ? [] : [c.value]));
  return { xs, ys, cells, min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 0 };
}

/** A perceptual blue → yellow ramp (viridis, five stops) for a value between min and max. */
export function heatColour(value: number, min: number, max: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ] as const;
  const t = max > min ? (value - min) / (max - min) : 0.5;
  const scaled = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(scaled), stops.length - 2);
  const f = scaled - i;
  const [a, b] = [stops[i] as readonly number[], stops[i + 1] as readonly number[]];
  const channel = (k: number) => Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * f);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}
