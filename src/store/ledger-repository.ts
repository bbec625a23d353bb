import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { BillingAccountsTable, LedgerEntriesTable } from './billing-schema.ts';
import type { BillingAccount, LedgerEntry, LedgerKind, LedgerRepository, NewLedgerEntry } from './billing-store.ts';
import { fromJson, fromMs, toJson, toMs } from './codec.ts';
import type { Database } from './schema.ts';

function toAccount(r: Selectable<BillingAccountsTable>): BillingAccount {
  return {
    orgId: r.org_id,
    creditsLimited: Number(r.credits_limited) === 1,
    budgetSoftUsd: r.budget_soft_usd === null ? null : Number(r.budget_soft_usd),
    budgetHardUsd: r.budget_hard_usd === null ? null : Number(r.budget_hard_usd),
    createdAt: fromMs(r.created_at),
  };
}

function toEntry(r: Selectable<LedgerEntriesTable>): LedgerEntry {
  return {
    id: r.id,
    orgId: r.org_id,
    kind: r.kind as LedgerKind,
    amountMicro: Number(r.amount_micro),
    sessionId: r.session_id,
    ref: r.ref,
    note: r.note,
    actor: r.actor,
    details: fromJson<Record<string, unknown>>(r.details),
    at: fromMs(r.at),
  };
}

export class KyselyLedgerRepository implements LedgerRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async ensureAccount(orgId: string, defaults: { creditsLimited: boolean; initialMicro: number }, at: Date): Promise<BillingAccount> {
    const inserted = await this.#db
      .insertInto('billing_accounts')
      .values({ org_id: orgId, credits_limited: defaults.creditsLimited ? 1 : 0, budget_soft_usd: null, budget_hard_usd: null, created_at: toMs(at), updated_at: toMs(at) })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 && defaults.initialMicro !== 0) {
      await this.add({ orgId, kind: 'grant', amountMicro: defaults.initialMicro, ref: `grant:${orgId}`, note: 'starting credits (SPAWN_DEFAULT_CREDITS_USD)', at });
    }
    const account = await this.getAccount(orgId);
    if (!account) throw new Error(`billing account ${orgId} vanished`);
    return account;
  }

  async getAccount(orgId: string): Promise<BillingAccount | null> {
    const row = await this.#db.selectFrom('billing_accounts').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async updateAccount(orgId: string, patch: Partial<Pick<BillingAccount, 'creditsLimited' | 'budgetSoftUsd' | 'budgetHardUsd'>>): Promise<BillingAccount | null> {
    await this.#db
      .updateTable('billing_accounts')
      .set({
        updated_at: Date.now(),
        ...(patch.creditsLimited === undefined ? {} : { credits_limited: patch.creditsLimited ? 1 : 0 }),
        ...(patch.budgetSoftUsd === undefined ? {} : { budget_soft_usd: patch.budgetSoftUsd }),
        ...(patch.budgetHardUsd === undefined ? {} : { budget_hard_usd: patch.budgetHardUsd }),
      })
      .where('org_id', '=', orgId)
      .execute();
    return this.getAccount(orgId);
  }

  async lock(orgId: string): Promise<boolean> {
    const r = await this.#db.updateTable('billing_accounts').set({ updated_at: Date.now() }).where('org_id', '=', orgId).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async add(entry: NewLedgerEntry): Promise<boolean> {
    const r = await this.#db
      .insertInto('ledger_entries')
      .values({
        id: randomUUID(),
        org_id: entry.orgId,
        kind: entry.kind,
        amount_micro: Math.round(entry.amountMicro),
        session_id: entry.sessionId ?? null,
        ref: entry.ref ?? null,
        note: entry.note ?? null,
        actor: entry.actor ?? null,
        details: toJson(entry.details ?? {}),
        at: toMs(entry.at),
      })
      .onConflict((oc) => oc.column('ref').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  balanceMicro(orgId: string): Promise<number> {
    return this.sumMicro(orgId, []);
  }

  async sumMicro(orgId: string, kinds: readonly LedgerKind[], since?: Date): Promise<number> {
    let q = this.#db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<number | string | null>('amount_micro').as('total'))
      .where('org_id', '=', orgId);
    if (kinds.length > 0) q = q.where('kind', 'in', kinds);
    if (since) q = q.where('at', '>=', toMs(since));
    const row = await q.executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  async openReservationsMicro(orgId: string): Promise<number> {
    const charged = this.#db.selectFrom('ledger_entries').select('session_id').where('org_id', '=', orgId).where('kind', '=', 'release').where('session_id', 'is not', null);
    const row = await this.#db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<number | string | null>('amount_micro').as('total'))
      .where('org_id', '=', orgId)
      .where('kind', '=', 'reserve')
      .where('session_id', 'not in', charged)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  async listByOrg(orgId: string, options: { from?: Date; to?: Date; limit?: number }): Promise<LedgerEntry[]> {
    let q = this.#db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId);
    if (options.from) q = q.where('at', '>=', toMs(options.from));
    if (options.to) q = q.where('at', '<', toMs(options.to));
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'asc').limit(options.limit ?? 1000).execute();
    return rows.map(toEntry);
  }

  async listBySession(sessionId: string): Promise<LedgerEntry[]> {
    const rows = await this.#db.selectFrom('ledger_entries').selectAll().where('session_id', '=', sessionId).orderBy('at', 'asc').orderBy('id', 'asc').execute();
    return rows.map(toEntry);
  }

  async unsettledSessions(limit: number): Promise<string[]> {
    const released = this.#db.selectFrom('ledger_entries').select('session_id').where('kind', '=', 'release').where('session_id', 'is not', null);
    const rows = await this.#db
      .selectFrom('ledger_entries')
      .select('session_id')
      .distinct()
      .where('kind', '=', 'reserve')
      .where('session_id', 'is not', null)
      .where('session_id', 'not in', released)
      .limit(limit)
      .execute();
    return rows.map((r) => r.session_id).filter((id): id is string => id !== null);
  }
}
