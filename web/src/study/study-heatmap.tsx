import { useI18n } from '../i18n/i18n-context.tsx';
import { heatColour, STATE_COLOURS, type HeatMap } from './study-chart-data.ts';
import { Legend } from './study-chart.tsx';

const CELL = 36;
const MARGIN = { left: 80, top: 10, bottom: 50 };

/** An output over two parameters: one cell per run, coloured by value; failed and unfinished runs by state. */
export function StudyHeatMap({ map, xLabel, yLabel, field }: { map: HeatMap; xLabel: string; yLabel: string; field: string }) {
  const { t } = useI18n();
  const width = MARGIN.left + map.xs.length * CELL + 10;
  const height = MARGIN.top + map.ys.length * CELL + MARGIN.bottom;
  const label = (v: number | string) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : v);
  return (
    <figure data-testid="study-heatmap" data-cells={map.cells.filter((c) => c.value !== null).length} className="flex flex-col gap-1 overflow-auto">
      <svg width={width} height={height} role="img" aria-label={t.studies.heatmapLabel(field, xLabel, yLabel)}>
        {map.cells.map((cell) => {
          const fill = cell.value !== null ? heatColour(cell.value, map.min, map.max) : STATE_COLOURS[cell.state];
          return (
            <rect key={cell.index} x={MARGIN.left + cell.col * CELL} y={MARGIN.top + (map.ys.length - 1 - cell.row) * CELL} width={CELL - 2} height={CELL - 2} fill={fill} data-state={cell.state}>
              <title>{`${xLabel}=${label(map.xs[cell.col] ?? '')}, ${yLabel}=${label(map.ys[cell.row] ?? '')}: ${cell.value ?? t.studies.states[cell.state]}`}</title>
            </rect>
          );
        })}
        {map.xs.map((x, i) => (
          <text key={`x${i}`} x={MARGIN.left + i * CELL + CELL / 2} y={MARGIN.top + map.ys.length * CELL + 14} fontSize="10" textAnchor="middle" fill="currentColor">
            {label(x)}
          </text>
        ))}
        {map.ys.map((y, i) => (
          <text key={`y${i}`} x={MARGIN.left - 6} y={MARGIN.top + (map.ys.length - 1 - i) * CELL + CELL / 2 + 3} fontSize="10" textAnchor="end" fill="currentColor">
            {label(y)}
          </text>
        ))}
        <text x={MARGIN.left + (map.xs.length * CELL) / 2} y={height - 10} fontSize="12" textAnchor="middle" fill="currentColor">
          {xLabel}
        </text>
        <text x={12} y={MARGIN.top + (map.ys.length * CELL) / 2} fontSize="12" textAnchor="middle" fill="currentColor" transform={`rotate(-90 12 ${MARGIN.top + (map.ys.length * CELL) / 2})`}>
          {yLabel}
        </text>
      </svg>
      <p className="text-xs text-slate-600 dark:text-slate-300">{t.studies.range(field, map.min, map.max)}</p>
      <Legend />
    </figure>
  );
}
