import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageView as Usage } from '../../../src/api-types.ts';
import { api, ApiRequestError } from '../api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

const COLORS = { compute: '#2563eb', generation: '#9333ea', functions: '#16a34a', input: '#0891b2', output: '#ea580c' };
const usd = (n: number): string => `$${Math.abs(n) >= 0.01 || n === 0 ? n.toFixed(2) : n.toFixed(6)}`;

function Chart({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <section className="rounded border border-slate-200 p-3 dark:border-slate-800" aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** Spend of the caller's organisation: balance and why creation is refused, charts, the ledger. */
export function UsageView() {
  const { t } = useI18n();
  const u = t.usage;
  const [byDay, setByDay] = useState<Usage | null>(null);
  const [byUser, setByUser] = useState<Usage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      try {
        const me = await api.me(abort.signal);
        const currentOrgId = me.currentOrgId ?? me.user.id;
        const [day, user] = await Promise.all([api.usage(currentOrgId, 'day', abort.signal), api.usage(currentOrgId, 'user', abort.signal)]);
        setByDay(day);
        setByUser(user);
      } catch (err) {
        if (!abort.signal.aborted) setError(err instanceof ApiRequestError ? err.message : String(err));
      }
    })();
    return () => abort.abort();
  }, []);

  if (error) return <p role="alert">{t.genericError(error)}</p>;
  if (!byDay || !byUser) return <p aria-busy="true">…</p>;
  const account = byDay.account;
  const days = byDay.groups.map((g) => ({ key: g.key, compute: g.computeUsd, generation: g.generationUsd, functions: g.functionUsd }));
  const users = byUser.groups.slice(0, 10).map((g) => ({ key: g.key, total: g.totalUsd }));
  const models = byDay.models.map((m) => ({ key: m.model, input: m.inputTokens, output: m.outputTokens }));
  return (
    <div className="flex flex-col gap-4" data-testid="usage-view">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">{u.title}</h1>
        <a className="text-sm underline" href={`/api/orgs/${encodeURIComponent(byDay.orgId)}/usage.csv?groupBy=day`}>
          {u.csv}
        </a>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">{u.balance}</dt>
          <dd className="text-lg font-semibold" data-testid="balance">{account.creditsLimited ? usd(account.balanceUsd) : u.unlimited}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{u.monthSpend}</dt>
          <dd className="text-lg font-semibold">{usd(account.monthSpendUsd)}</dd>
        </div>
        {account.budgetHardUsd !== null && <div className="text-sm">{u.budget(usd(account.budgetHardUsd))}</div>}
      </dl>
      {account.refusal && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {u.refused} {t.errors[account.refusal.code] ?? account.refusal.message}
        </p>
      )}
      {days.length === 0 && <p>{u.noData}</p>}
      <div className="grid gap-4 md:grid-cols-2">
        <Chart title={u.spendPerDay}>
          <BarChart data={days}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="key" fontSize={11} />
            <YAxis fontSize={11} />
            <Tooltip formatter={(v) => usd(Number(v))} />
            <Legend />
            <Bar dataKey="compute" name={u.compute} stackId="kind" fill={COLORS.compute} />
            <Bar dataKey="generation" name={u.generation} stackId="kind" fill={COLORS.generation} />
            <Bar dataKey="functions" name={u.functions} stackId="kind" fill={COLORS.functions} />
          </BarChart>
        </Chart>
        <Chart title={u.topUsers}>
          <BarChart data={users} layout="vertical">
            <XAxis type="number" fontSize={11} />
            <YAxis type="category" dataKey="key" width={90} fontSize={11} />
            <Tooltip formatter={(v) => usd(Number(v))} />
            <Bar dataKey="total" name={u.total} fill={COLORS.compute} />
          </BarChart>
        </Chart>
        <Chart title={u.tokensByModel}>
          <BarChart data={models}>
            <XAxis dataKey="key" fontSize={11} />
            <YAxis fontSize={11} />
            <Tooltip />
            <Legend />
            <Bar dataKey="input" name={u.inputTokens} stackId="tokens" fill={COLORS.input} />
            <Bar dataKey="output" name={u.outputTokens} stackId="tokens" fill={COLORS.output} />
          </BarChart>
        </Chart>
      </div>
      <section aria-label={u.ledger}>
        <h2 className="mb-2 text-sm font-semibold">{u.ledger}</h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th>{u.when}</th>
              <th>{u.kind}</th>
              <th className="text-right">{u.amount}</th>
              <th>{u.note}</th>
            </tr>
          </thead>
          <tbody>
            {byDay.ledger.map((e) => (
              <tr key={e.id} className="border-t border-slate-200 dark:border-slate-800">
                <td>{new Date(e.at).toLocaleString(t.lang)}</td>
                <td>{u.kinds[e.kind] ?? e.kind}</td>
                <td className="text-right tabular-nums">{usd(e.amountUsd)}</td>
                <td>{e.note ?? e.sessionId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
