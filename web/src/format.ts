import type { Messages } from './i18n/en.ts';
import { ApiRequestError } from './api.ts';

export function formatCost(usd: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(usd);
}

/** `1:05:09` for a remaining time; never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function formatDuration(ms: number, t: Messages): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  return t.duration(Math.floor(minutes / 60), minutes % 60);
}

export function formatTime(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
}

/** The plain-words explanation of an error code, falling back to the server's own message. */
export function describeError(error: { code: string; message: string }, t: Messages): string {
  return t.errors[error.code] ?? t.genericError(error.message);
}

export function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof ApiRequestError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL_ERROR', message: err instanceof Error ? err.message : String(err) };
}
