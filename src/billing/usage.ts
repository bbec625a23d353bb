import type { CostEntry, LedgerEntry, SessionRecord, Store } from '../store/index.ts';
import { toUsd } from './money.ts';

export const USAGE_GROUPS = ['day', 'user', 'model', 'appType'] as const;
export type UsageGroupBy = (typeof USAGE_GROUPS)[number];

export interface UsageFigures {
  sessions: number;
  computeUsd: number;
  generationUsd: number;
  functionUsd: number;
  totalUsd: number;
  inputTokens: number;
  outputTokens: number;
}

export interface UsageReport {
  orgId: string;
  from: Date;
  to: Date;
  groupBy: UsageGroupBy;
  totals: UsageFigures;
  groups: (UsageFigures & { key: string })[];
  models: { model: string; usd: number; inputTokens: number; outputTokens: number; calls: number }[];
  ledger: LedgerEntry[];
}

const MAX_SESSIONS = 5000;
const empty = (): UsageFigures => ({ sessions: 0, computeUsd: 0, generationUsd: 0, functionUsd: 0, totalUsd: 0, inputTokens: 0, outputTokens: 0 });
const day = (at: Date): string => at.toISOString().slice(0, 10);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const round = (usd: number): number => Math.round(usd * 1e6) / 1e6;

/**
 * What an organisation spent between `from` and `to`: its sessions (found through their
 * reservations, which carry the org), their recorded costs, function charges and every credit
 * movement of the ledger. Costs are dated when they were recorded (compute at destruction).
 */
export async function usageReport(store: Store, orgId: string, range: { from: Date; to: Date }, groupBy: UsageGroupBy): Promise<UsageReport> {
  const ledger = await store.ledger.listByOrg(orgId, { from: range.from, to: range.to, limit: 10_000 });
  const sessionIds = [...new Set(ledger.filter((e) => e.kind === 'reserve' && e.sessionId).map((e) => e.sessionId as string))].slice(0, MAX_SESSIONS);
  const sessions = (await Promise.all(sessionIds.map((id) => store.sessions.get(id)))).filter((s): s is SessionRecord => s !== null);
  const costs = await Promise.all(sessions.map(async (s) => ({ session: s, entries: await store.costs.listBySession(s.id) })));
  const groups = new Map<string, UsageFigures>();
  const totals = empty();
  const models = new Map<string, UsageReport['models'][number]>();
  const bucket = (key: string): UsageFigures => groups.get(key) ?? (groups.set(key, empty()).get(key) as UsageFigures);
  const add = (key: string, f: Partial<UsageFigures>): void => {
    for (const target of [bucket(key), totals]) for (const [k, v] of Object.entries(f)) target[k as keyof UsageFigures] += v;
  };
  const keyOf = (s: SessionRecord | null, at: Date, model: string | null, owner: string | null): string =>
    groupBy === 'day' ? day(at) : groupBy === 'user' ? (s?.ownerId ?? owner ?? 'unknown') : groupBy === 'appType' ? (s?.appType ?? 'function') : (model ?? (s ? 'compute' : 'function'));

  for (const { session, entries } of costs) {
    add(keyOf(session, session.createdAt, groupBy === 'model' ? (session.model ?? 'none') : null, null), { sessions: 1 });
    for (const e of entries.filter((c) => c.at >= range.from && c.at < range.to)) addCost(e, session);
  }
  function addCost(e: CostEntry, session: SessionRecord): void {
    if (e.kind === 'generation') {
      const model = typeof e.details.model === 'string' ? e.details.model : 'offline';
      const tokens = { inputTokens: num(e.details.inputTokens), outputTokens: num(e.details.outputTokens) };
      add(keyOf(session, e.at, model, null), { generationUsd: e.amountUsd, totalUsd: e.amountUsd, ...tokens });
      const m = models.get(model) ?? { model, usd: 0, inputTokens: 0, outputTokens: 0, calls: 0 };
      models.set(model, { model, usd: m.usd + e.amountUsd, inputTokens: m.inputTokens + tokens.inputTokens, outputTokens: m.outputTokens + tokens.outputTokens, calls: m.calls + num(e.details.calls || 1) });
    } else {
      add(keyOf(session, e.at, null, null), { computeUsd: e.amountUsd, totalUsd: e.amountUsd });
    }
  }
  for (const e of ledger.filter((x) => x.kind === 'function')) {
    const usd = toUsd(-e.amountMicro);
    add(keyOf(null, e.at, null, typeof e.details.ownerId === 'string' ? e.details.ownerId : null), { functionUsd: usd, totalUsd: usd });
  }
  const roundAll = (f: UsageFigures): UsageFigures => ({ ...f, computeUsd: round(f.computeUsd), generationUsd: round(f.generationUsd), functionUsd: round(f.functionUsd), totalUsd: round(f.totalUsd) });
  return {
    orgId,
    from: range.from,
    to: range.to,
    groupBy,
    totals: roundAll(totals),
    groups: [...groups.entries()].map(([key, f]) => ({ key, ...roundAll(f) })).sort((a, b) => (groupBy === 'day' ? a.key.localeCompare(b.key) : b.totalUsd - a.totalUsd)),
    models: [...models.values()].map((m) => ({ ...m, usd: round(m.usd) })).sort((a, b) => b.usd - a.usd),
    ledger,
  };
}

/** The report's groups as CSV (one header line, RFC 4180 quoting). */
export function usageCsv(report: UsageReport): string {
  const cols = ['key', 'sessions', 'computeUsd', 'generationUsd', 'functionUsd', 'totalUsd', 'inputTokens', 'outputTokens'] as const;
  const quote = (v: string | number): string => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [[report.groupBy, ...cols.slice(1)].join(','), ...report.groups.map((g) => cols.map((c) => quote(g[c])).join(','))];
  return `${lines.join('\n')}\n`;
}
