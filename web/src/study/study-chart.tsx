import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { STATE_COLOURS, type ChartPoint } from './study-chart-data.ts';

/**
 * One output against one parameter. Completed runs are plotted at their value (joined by a line in
 * `line` mode); failed and unfinished runs have no value, so they sit on the lowest value, coloured
 * by state, where they still show which parameter values are missing.
 */
export function StudyLineChart({ points, xLabel, yLabel, mode }: { points: ChartPoint[]; xLabel: string; yLabel: string; mode: 'line' | 'scatter' }) {
  const { t } = useI18n();
  const numericX = points.every((p) => typeof p.x === 'number');
  const values = points.flatMap((p) => (p.y === null ? [] : [p.y]));
  const floor = values.length ? Math.min(...values) : 0;
  const series = (state: ChartPoint['state']) => points.filter((p) => p.state === state).map((p) => ({ ...p, y: p.y ?? floor }));
  const completed = points.filter((p) => p.state === 'completed' && p.y !== null);
  const groups = [...new Set(completed.map((p) => p.group))];
  return (
    <figure data-testid="study-chart" data-kind={mode} data-points={completed.length} className="flex flex-col gap-1">
      <div className="h-80 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 20 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" type={numericX ? 'number' : 'category'} name={xLabel} domain={['dataMin', 'dataMax']} label={{ value: xLabel, position: 'bottom' }} allowDuplicatedCategory={false} />
            <YAxis dataKey="y" type="number" name={yLabel} domain={['auto', 'auto']} label={{ value: yLabel, angle: -90, position: 'left' }} />
            <Tooltip cursor={{ strokeDasharray: '3 3' }} />
            {groups.map((group) => (
              <Scatter key={group} name={group || t.studies.states.completed} data={completed.filter((p) => p.group === group)} fill={STATE_COLOURS.completed} line={mode === 'line'} isAnimationActive={false} />
            ))}
            <Scatter name={t.studies.states.failed} data={series('failed')} fill={STATE_COLOURS.failed} shape="cross" isAnimationActive={false} />
            <Scatter name={t.studies.states.pending} data={series('pending')} fill={STATE_COLOURS.pending} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <Legend />
    </figure>
  );
}

export function Legend() {
  const { t } = useI18n();
  return (
    <figcaption className="flex gap-4 text-xs text-slate-600 dark:text-slate-300">
      {(['completed', 'failed', 'pending'] as const).map((state) => (
        <span key={state} className="flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full" style={{ background: STATE_COLOURS[state] }} />
          {t.studies.states[state]}
        </span>
      ))}
    </figcaption>
  );
}
