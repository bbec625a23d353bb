import { randomUUID } from 'node:crypto';
import type { MoneyConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { BillingAccount, LedgerEntry, Store } from '../store/index.ts';
import { formatUsd, monthStart, toMicro, toUsd } from './money.ts';

/** What an org may spend now: the balance, this month's spend against its budget, and any refusal. */
export interface AccountStatus {
  orgId: string;
  creditsLimited: boolean;
  balanceUsd: number;
  /** Charges this month plus reservations still open. */
  monthSpendUsd: number;
  budgetSoftUsd: number | null;
  budgetHardUsd: number | null;
  /** Why new spending is refused (null: it is not). */
  refusal: { code: 'CREDITS_EXHAUSTED' | 'BUDGET_EXCEEDED'; message: string } | null;
}

/** Money moved for an org (and what was charged, if anything), told after the transaction commits. */
export type SpendListener = (orgId: string, charge?: { kind: 'session' | 'function'; usd: number }) => void;

/**
 * Credits and budgets per organisation over the ledger. Every write that belongs to a state
 * change (reserve with the session row, settle with its final cost, charge with a task's end)
 * runs inside the caller's transaction; idempotency keys make a retried write a no-op.
 */
export class Ledger {
  readonly #store: Store;
  readonly #config: MoneyConfig;
  readonly #listeners: SpendListener[] = [];

  readonly #functionHourlyUsd: number;

  /** `functionHourlyUsd`: the price-table rate function calls are billed at, per sandbox-second. */
  constructor(store: Store, config: MoneyConfig, functionHourlyUsd = 0) {
    this.#store = store;
    this.#config = config;
    this.#functionHourlyUsd = functionHourlyUsd;
  }

  onSpend(listener: SpendListener): void {
    this.#listeners.push(listener);
  }

  notifySpend(orgId: string, charge?: { kind: 'session' | 'function'; usd: number }): void {
    for (const l of this.#listeners) l(orgId, charge);
  }

  /** The org's account, created with the default credits the first time it is seen. */
  account(orgId: string, store: Store = this.#store): Promise<BillingAccount> {
    const initial = this.#config.defaultCreditsUsd;
    return store.ledger.ensureAccount(orgId, { creditsLimited: initial !== null, initialMicro: toMicro(initial ?? 0) }, new Date());
  }

  async status(orgId: string, store: Store = this.#store, extraUsd = 0): Promise<AccountStatus> {
    const account = await this.account(orgId, store);
    const now = new Date();
    const balanceMicro = await store.ledger.balanceMicro(orgId);
    // Charges are negative entries; open reservations count as spent until settled.
    const charged = await store.ledger.sumMicro(orgId, ['charge', 'function'], monthStart(now));
    const reserved = await store.ledger.openReservationsMicro(orgId);
    const monthSpendUsd = toUsd(-(charged + reserved));
    const balanceUsd = toUsd(balanceMicro);
    let refusal: AccountStatus['refusal'] = null;
    if (account.creditsLimited && (balanceMicro <= 0 || toMicro(extraUsd) > balanceMicro)) {
      refusal = { code: 'CREDITS_EXHAUSTED', message: `credits exhausted: the balance is ${formatUsd(balanceUsd)}${extraUsd > 0 ? ` and this needs ${formatUsd(extraUsd)}` : ''}; ask an installation admin to top up` };
    } else if (account.budgetHardUsd !== null && monthSpendUsd + extraUsd > account.budgetHardUsd) {
      refusal = { code: 'BUDGET_EXCEEDED', message: `monthly budget exceeded: ${formatUsd(monthSpendUsd)} spent of the ${formatUsd(account.budgetHardUsd)} hard limit (balance ${formatUsd(balanceUsd)})` };
    }
    return { orgId, creditsLimited: account.creditsLimited, balanceUsd, monthSpendUsd, budgetSoftUsd: account.budgetSoftUsd, budgetHardUsd: account.budgetHardUsd, refusal };
  }

  /** Throws 402 when the org may not spend `amountUsd` more (extends, executions). */
  async assertCanSpend(orgId: string, amountUsd = 0): Promise<void> {
    const status = await this.status(orgId, this.#store, amountUsd);
    if (status.refusal) throw new SpawnError(status.refusal.code, status.refusal.message);
  }

  /**
   * Creates something (a session row) and reserves `amountUsd` for it in ONE transaction, after
   * checking under the account's lock that the org may spend it (402 otherwise, nothing written).
   */
  async reserve<T>(orgId: string, sessionId: string, amountUsd: number, create: (tx: Store) => Promise<T>, ref = `reserve:${sessionId}`): Promise<T> {
    await this.account(orgId);
    const result = await this.#store.transaction(async (tx) => {
      await tx.ledger.lock(orgId);
      const status = await this.status(orgId, tx, amountUsd);
      if (status.refusal) throw new SpawnError(status.refusal.code, status.refusal.message);
      const created = await create(tx);
      await tx.ledger.add({ orgId, kind: 'reserve', amountMicro: -toMicro(amountUsd), sessionId, ref, details: { estimateUsd: amountUsd }, at: new Date() });
      return created;
    });
    this.notifySpend(orgId);
    return result;
  }

  /**
   * Reserves more for a live session (an extension) after its state change; checked and written
   * under the account lock, once per ref.
   */
  async reserveMore(orgId: string, sessionId: string, amountUsd: number, ref: string): Promise<void> {
    await this.#store.transaction(async (tx) => {
      await tx.ledger.lock(orgId);
      const settled = (await tx.ledger.listBySession(sessionId)).some((e) => e.kind === 'release');
      // A session settled meanwhile has nothing left to reserve for.
      if (!settled) await tx.ledger.add({ orgId, kind: 'reserve', amountMicro: -toMicro(amountUsd), sessionId, ref, details: { extensionUsd: amountUsd }, at: new Date() });
    });
    this.notifySpend(orgId);
  }

  /**
   * Inside the caller's transaction: releases everything reserved for the session and charges
   * its actual cost. Once per session (its refs are unique); a session never reserved is skipped.
   */
  async settle(tx: Store, sessionId: string, actualUsd: number, details: Record<string, unknown> = {}): Promise<boolean> {
    const entries = await tx.ledger.listBySession(sessionId);
    const reserves = entries.filter((e) => e.kind === 'reserve');
    const first = reserves[0];
    if (!first || entries.some((e) => e.kind === 'release')) return false;
    const orgId = first.orgId;
    await tx.ledger.lock(orgId);
    const reservedMicro = -reserves.reduce((sum, e) => sum + e.amountMicro, 0);
    const at = new Date();
    const released = await tx.ledger.add({ orgId, kind: 'release', amountMicro: reservedMicro, sessionId, ref: `release:${sessionId}`, at });
    if (!released) return false;
    await tx.ledger.add({ orgId, kind: 'charge', amountMicro: -toMicro(actualUsd), sessionId, ref: `charge:${sessionId}`, details: { ...details, actualUsd }, at });
    return true;
  }

  /**
   * Inside the caller's transaction (the task's end): charges a function call's sandbox-seconds.
   * Once per task (ref `function:<task>`); a result-cache hit never runs, so never gets here.
   */
  async chargeFunction(tx: Store, orgId: string, taskId: string, seconds: number, details: Record<string, unknown> = {}): Promise<number> {
    const usd = (this.#functionHourlyUsd * Math.max(0, seconds)) / 3600;
    if (toMicro(usd) <= 0) return 0;
    await this.account(orgId, tx);
    await tx.ledger.add({ orgId, kind: 'function', amountMicro: -toMicro(usd), ref: `function:${taskId}`, details: { ...details, taskId, seconds }, at: new Date() });
    return usd;
  }

  /** The org a session's money belongs to (from its reservation), or null when it has none. */
  async orgOfSession(sessionId: string): Promise<string | null> {
    const entries = await this.#store.ledger.listBySession(sessionId);
    return entries.find((e) => e.kind === 'reserve')?.orgId ?? null;
  }

  /** An installation admin's top-up (negative amounts correct a mistake). */
  async topUp(orgId: string, amountUsd: number, note: string | null, actor: string): Promise<AccountStatus> {
    if (!Number.isFinite(amountUsd) || toMicro(amountUsd) === 0) throw new SpawnError('INVALID_AMOUNT');
    await this.account(orgId);
    await this.#store.ledger.add({ orgId, kind: 'topup', amountMicro: toMicro(amountUsd), ref: `topup:${randomUUID()}`, note, actor, at: new Date() });
    // Topping up an org opts it into credit limits: the admin meant the balance to count.
    await this.#store.ledger.updateAccount(orgId, { creditsLimited: true });
    this.notifySpend(orgId);
    return this.status(orgId);
  }

  async setBudget(orgId: string, budget: { softLimitUsd: number | null; hardLimitUsd: number | null }): Promise<AccountStatus> {
    await this.account(orgId);
    await this.#store.ledger.updateAccount(orgId, { budgetSoftUsd: budget.softLimitUsd, budgetHardUsd: budget.hardLimitUsd });
    this.notifySpend(orgId);
    return this.status(orgId);
  }

  entries(orgId: string, range: { from?: Date; to?: Date; limit?: number }): Promise<LedgerEntry[]> {
    return this.#store.ledger.listByOrg(orgId, range);
  }
}
