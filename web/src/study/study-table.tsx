import type { StudyView } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

const SHOWN_ROWS = 200;

/** The runs as a table (the first 200; the CSV has them all). */
export function StudyTable({ study }: { study: StudyView }) {
  const { t } = useI18n();
  const params = Object.keys(study.parameters);
  const cell = 'border-b border-slate-200 px-2 py-1 text-left dark:border-slate-700';
  return (
    <div className="max-h-96 overflow-auto">
      <table data-testid="study-table" className="w-full font-mono text-xs">
        <thead>
          <tr>
            <th className={cell}>#</th>
            {params.map((p) => (
              <th key={p} className={cell}>
                {p}
              </th>
            ))}
            <th className={cell}>{t.studies.state}</th>
            <th className={cell}>{t.studies.outputsOrError}</th>
          </tr>
        </thead>
        <tbody>
          {study.rows.slice(0, SHOWN_ROWS).map((row) => (
            <tr key={row.index}>
              <td className={cell}>{row.index}</td>
              {params.map((p) => (
                <td key={p} className={cell}>
                  {JSON.stringify(row.inputs[p])}
                </td>
              ))}
              <td className={cell}>{row.state}</td>
              <td className={cell}>{row.error ?? (row.outputs === null || row.outputs === undefined ? '' : JSON.stringify(row.outputs))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {study.rows.length > SHOWN_ROWS && <p className="text-xs">{t.studies.more(study.rows.length - SHOWN_ROWS)}</p>}
    </div>
  );
}
