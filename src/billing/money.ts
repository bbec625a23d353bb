/** Dollars ↔ the ledger's integer micro-dollars. */
export const MICRO_PER_USD = 1_000_000;

export function toMicro(usd: number): number {
  return Math.round(usd * MICRO_PER_USD);
}

export function toUsd(micro: number): number {
  return micro / MICRO_PER_USD;
}

/** `$12.34`, or more digits for sums under a cent (per-second billing is tiny). */
export function formatUsd(usd: number): string {
  const abs = Math.abs(usd);
  const digits = abs === 0 || abs >= 0.01 ? 2 : 6;
  return `${usd < 0 ? '-' : ''}$${abs.toFixed(digits)}`;
}

/** The first instant of the UTC calendar month of `at`: monthly budgets reset then. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}
