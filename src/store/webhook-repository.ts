import type { Kysely, Selectable } from 'kysely';
import type { WebhookDeliveriesTable, WebhooksTable } from './billing-schema.ts';
import type { DeliveryAttempt, DeliveryRecord, DeliveryState, WebhookFormat, WebhookRecord, WebhookRepository } from './billing-store.ts';
import { fromJson, fromMs, toJson, toMs } from './codec.ts';
import type { Database } from './schema.ts';

function toWebhook(r: Selectable<WebhooksTable>): WebhookRecord {
  return { id: r.id, orgId: r.org_id, url: r.url, events: fromJson<string[]>(r.events), format: r.format as WebhookFormat, secret: r.secret, createdAt: fromMs(r.created_at) };
}

function toDelivery(r: Selectable<WebhookDeliveriesTable>): DeliveryRecord {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    event: r.event,
    payload: fromJson<Record<string, unknown>>(r.payload),
    state: r.state as DeliveryState,
    attempts: Number(r.attempts),
    createdAt: fromMs(r.created_at),
    updatedAt: fromMs(r.updated_at),
  };
}

export class KyselyWebhookRepository implements WebhookRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(record: WebhookRecord): Promise<WebhookRecord> {
    await this.#db
      .insertInto('webhooks')
      .values({ id: record.id, org_id: record.orgId, url: record.url, events: toJson(record.events), format: record.format, secret: record.secret, created_at: toMs(record.createdAt), deleted_at: null })
      .execute();
    return record;
  }

  async get(id: string): Promise<WebhookRecord | null> {
    const row = await this.#db.selectFrom('webhooks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? toWebhook(row) : null;
  }

  async listByOrg(orgId: string): Promise<WebhookRecord[]> {
    const rows = await this.#db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).where('deleted_at', 'is', null).orderBy('created_at', 'asc').execute();
    return rows.map(toWebhook);
  }

  async delete(id: string, at: Date): Promise<boolean> {
    const r = await this.#db.updateTable('webhooks').set({ deleted_at: toMs(at) }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async addDelivery(record: Omit<DeliveryRecord, 'attempts' | 'updatedAt'>): Promise<DeliveryRecord | null> {
    const at = toMs(record.createdAt);
    const r = await this.#db
      .insertInto('webhook_deliveries')
      .values({ id: record.id, webhook_id: record.webhookId, event: record.event, payload: toJson(record.payload), state: record.state, attempts: 0, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? { ...record, attempts: 0, updatedAt: record.createdAt } : null;
  }

  async getDelivery(id: string): Promise<DeliveryRecord | null> {
    const row = await this.#db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  async listDeliveries(webhookId: string, limit: number): Promise<(DeliveryRecord & { attemptLog: DeliveryAttempt[] })[]> {
    const rows = await this.#db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').limit(limit).execute();
    if (rows.length === 0) return [];
    const attempts = await this.#db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where(
        'delivery_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('at', 'asc')
      .execute();
    return rows.map((r) => ({
      ...toDelivery(r),
      attemptLog: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({ id: a.id, deliveryId: a.delivery_id, at: fromMs(a.at), statusCode: a.status_code === null ? null : Number(a.status_code), durationMs: Number(a.duration_ms), error: a.error })),
    }));
  }

  async recordAttempt(attempt: DeliveryAttempt, state: DeliveryState): Promise<void> {
    await this.#db
      .insertInto('webhook_attempts')
      .values({ id: attempt.id, delivery_id: attempt.deliveryId, at: toMs(attempt.at), status_code: attempt.statusCode, duration_ms: Math.round(attempt.durationMs), error: attempt.error })
      .execute();
    await this.#db
      .updateTable('webhook_deliveries')
      .set((eb) => ({ state, attempts: eb('attempts', '+', 1), updated_at: toMs(attempt.at) }))
      .where('id', '=', attempt.deliveryId)
      .execute();
  }

  async setDeliveryState(id: string, state: DeliveryState, at: Date): Promise<void> {
    await this.#db.updateTable('webhook_deliveries').set({ state, updated_at: toMs(at) }).where('id', '=', id).execute();
  }
}
