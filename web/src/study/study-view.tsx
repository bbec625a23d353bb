import { useEffect, useMemo, useState } from 'react';
import type { StudyView as Study } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { heatMap, linePoints, numericFields, variedParameters } from './study-chart-data.ts';
import { StudyLineChart } from './study-chart.tsx';
import { StudyHeatMap } from './study-heatmap.tsx';
import { StudyTable } from './study-table.tsx';

const POLL_MS = 1000;

/** Reads the study, and again every second while it runs (the chart fills in live). */
function useStudy(id: string): { study: Study | null; error: string | null } {
  const { t } = useI18n();
  const [study, setStudy] = useState<Study | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api.getStudy(id, controller.signal);
        setStudy(next);
        setError(null);
        if (next.state === 'running') timer = setTimeout(() => void load(), POLL_MS);
      } catch (err) {
        if (controller.signal.aborted) return;
        setError(describeError(errorOf(err), t));
        timer = setTimeout(() => void load(), POLL_MS * 3);
      }
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, t]);
  return { study, error };
}

/** `#/studies/<id>`: progress, a chart of any output against one or two parameters, the table and the CSV. */
export function StudyView({ id }: { id: string }) {
  const { t } = useI18n();
  const { study, error } = useStudy(id);
  const fields = useMemo(() => (study ? numericFields(study.rows) : []), [study]);
  const params = useMemo(() => (study ? (variedParameters(study.parameters).length ? variedParameters(study.parameters) : Object.keys(study.parameters)) : []), [study]);
  const [field, setField] = useState('');
  const [x, setX] = useState('');
  const [y, setY] = useState('');
  const [mode, setMode] = useState<'line' | 'scatter'>('line');
  const chosenField = fields.includes(field) ? field : (fields[0] ?? '');
  const chosenX = params.includes(x) ? x : (params[0] ?? '');
  const chosenY = y === '' || !params.includes(y) || y === chosenX ? '' : y;
  const select = 'rounded border border-slate-300 bg-white p-1 text-sm dark:border-slate-600 dark:bg-slate-950';
  return (
    <section aria-labelledby="study-title" className="flex flex-col gap-4" data-testid="study" data-state={study?.state}>
      <h1 id="study-title" className="text-xl font-semibold">
        {t.studies.title(id)}
      </h1>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      {study && (
        <>
          <p data-testid="study-progress" className="text-sm">
            {t.studies.progress(study.progress.done, study.progress.total, study.progress.failed)} ·{' '}
            <a className="underline" href={api.studyCsvUrl(id)} download>
              {t.studies.csv}
            </a>
          </p>
          <progress className="w-full" max={study.progress.total} value={study.progress.done} aria-label={t.studies.progressLabel} />
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <label className="flex flex-col gap-1">
              {t.studies.output}
              <select className={select} value={chosenField} onChange={(e) => setField(e.target.value)} data-testid="study-field">
                {fields.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              {t.studies.xAxis}
              <select className={select} value={chosenX} onChange={(e) => setX(e.target.value)}>
                {params.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              {t.studies.yAxis}
              <select className={select} value={chosenY} onChange={(e) => setY(e.target.value)} data-testid="study-y">
                <option value="">{t.studies.none}</option>
                {params
                  .filter((p) => p !== chosenX)
                  .map((p) => (
                    <option key={p}>{p}</option>
                  ))}
              </select>
            </label>
            {chosenY === '' && (
              <label className="flex flex-col gap-1">
                {t.studies.kind}
                <select className={select} value={mode} onChange={(e) => setMode(e.target.value === 'scatter' ? 'scatter' : 'line')}>
                  <option value="line">{t.studies.line}</option>
                  <option value="scatter">{t.studies.scatter}</option>
                </select>
              </label>
            )}
          </div>
          {chosenField === '' ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">{t.studies.noNumbers}</p>
          ) : chosenY === '' ? (
            <StudyLineChart points={linePoints(study.rows, chosenX, chosenField)} xLabel={chosenX} yLabel={chosenField} mode={mode} />
          ) : (
            <StudyHeatMap map={heatMap(study.rows, chosenX, chosenY, chosenField)} xLabel={chosenX} yLabel={chosenY} field={chosenField} />
          )}
          <StudyTable study={study} />
        </>
      )}
    </section>
  );
}
