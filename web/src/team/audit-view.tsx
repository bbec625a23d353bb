import { useState } from 'react';
import type { AuditEntryView } from '../../../src/api-types.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useMe } from './me-context.tsx';
import { teamApi, type AuditFilters } from './team-api.ts';
import { AuditFilterForm } from './audit-filter-form.tsx';
import { useLoaded } from './use-loaded.ts';

/** Who did what in the organisation, newest first, with filters, older pages and a CSV export. */
export function AuditView() {
  const { t, lang } = useI18n();
  const a = t.teams.audit;
  const { orgId } = useMe();
  const [filters, setFilters] = useState<AuditFilters>({});
  // The key reloads the first page whenever the organisation or the filters change.
  const key = orgId === null ? null : JSON.stringify([orgId, filters]);
  const { data, error } = useLoaded(key, (_key, signal) => teamApi.audit(orgId ?? '', filters, null, signal));
  const [older, setOlder] = useState<{ key: string | null; entries: AuditEntryView[]; cursor: string | null }>({ key: null, entries: [], cursor: null });
  const [moreError, setMoreError] = useState<string | null>(null);

  const mine = older.key === key ? older : { key, entries: [], cursor: data?.nextCursor ?? null };
  const entries = [...(data?.entries ?? []), ...mine.entries];
  const more = () => {
    teamApi
      .audit(orgId ?? '', filters, mine.cursor)
      .then((page) => setOlder({ key, entries: [...mine.entries, ...page.entries], cursor: page.nextCursor }))
      .catch((err: unknown) => setMoreError(describeError(errorOf(err), t)));
  };

  return (
    <div className="flex flex-col gap-4" data-testid="audit-view">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">{a.title}</h1>
        {orgId && !error && (
          <a className="text-sm underline" href={teamApi.auditCsvUrl(orgId, filters)}>{a.csv}</a>
        )}
      </div>
      <AuditFilterForm onApply={setFilters} />
      {error && <p role="alert">{error.status === 403 ? t.teams.adminOnly : describeError(errorOf(error), t)}</p>}
      {data && entries.length === 0 && <p>{a.none}</p>}
      {entries.length > 0 && (
        <table className="w-full table-fixed text-left text-sm" aria-label={a.title}>
          <thead>
            <tr>
              <th>{a.when}</th>
              <th>{a.actor}</th>
              <th>{a.action}</th>
              <th className="hidden md:table-cell">{a.target}</th>
              <th className="w-16">{a.result}</th>
              <th className="hidden lg:table-cell">{a.ip}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-entry" className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="py-1 pr-2">{new Date(e.at).toLocaleString(lang)}</td>
                <td className="py-1 pr-2 break-all">{e.actorId ?? e.actorVia}</td>
                <td className="py-1 pr-2 break-all">{e.action}</td>
                <td className="hidden py-1 pr-2 break-all md:table-cell">{e.target ?? ''}</td>
                <td className="py-1 pr-2">{a.results[e.result] ?? e.result}</td>
                <td className="hidden py-1 break-all lg:table-cell">{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mine.cursor && (
        <button type="button" className="btn self-start" onClick={more}>{a.more}</button>
      )}
      {moreError && <p role="alert">{moreError}</p>}
    </div>
  );
}
