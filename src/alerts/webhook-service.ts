import { createHash, randomUUID } from 'node:crypto';
import type { MoneyConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';
import type { JobQueue } from '../queue/index.ts';
import type { DeliveryAttempt, DeliveryRecord, Store, WebhookFormat, WebhookRecord } from '../store/index.ts';
import type { WebhookMessage } from './webhook-events.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { assertWebhookUrl } from './webhook-url.ts';

const DELIVERY_LIST_MAX = 100;

export interface WebhookInput {
  url: string;
  events: string[];
  format: WebhookFormat;
}

export type WebhookView = Omit<WebhookRecord, 'secret'>;

export interface WebhookServiceDeps {
  store: Store;
  queue: JobQueue;
  config: MoneyConfig;
  logger: Logger;
}

const deliveryId = (webhookId: string, onceKey: string | undefined): string =>
  `dlv_${(onceKey ? createHash('sha256').update(`${onceKey}\u0000${webhookId}`).digest('hex') : randomUUID().replace(/-/g, '')).slice(0, 24)}`;

const view = ({ secret: _secret, ...rest }: WebhookRecord): WebhookView => rest;

/**
 * Webhooks of an organisation and their deliveries. A delivery is a row first (its log is what
 * users see), then a `webhook.deliver` job on the queue; `WebhookSender` makes the attempts.
 */
export class WebhookService {
  readonly #d: WebhookServiceDeps;

  constructor(deps: WebhookServiceDeps) {
    this.#d = deps;
  }

  /** The secret is returned here once; later reads never show it. */
  async create(orgId: string, input: WebhookInput): Promise<{ webhook: WebhookView; secret: string }> {
    await assertWebhookUrl(input.url, this.#d.config.webhooks.allowPrivate);
    const record: WebhookRecord = { id: `wh_${randomUUID().replace(/-/g, '').slice(0, 20)}`, orgId, url: input.url, events: [...new Set(input.events)], format: input.format, secret: newWebhookSecret(), createdAt: new Date() };
    await this.#d.store.webhooks.create(record);
    return { webhook: view(record), secret: record.secret };
  }

  async list(orgId: string): Promise<WebhookView[]> {
    return (await this.#d.store.webhooks.listByOrg(orgId)).map(view);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.#own(orgId, id);
    await this.#d.store.webhooks.delete(id, new Date());
  }

  async deliveries(orgId: string, id: string, limit = 50): Promise<(DeliveryRecord & { attemptLog: DeliveryAttempt[] })[]> {
    await this.#own(orgId, id);
    return this.#d.store.webhooks.listDeliveries(id, Math.min(limit, DELIVERY_LIST_MAX));
  }

  /** Sends a delivery again now (a new attempt on the same delivery, same id in the body). */
  async redeliver(orgId: string, webhookId: string, deliveryId: string): Promise<DeliveryRecord> {
    await this.#own(orgId, webhookId);
    const delivery = await this.#d.store.webhooks.getDelivery(deliveryId);
    if (!delivery || delivery.webhookId !== webhookId) throw new SpawnError('DELIVERY_NOT_FOUND', `no delivery ${deliveryId} on webhook ${webhookId}`);
    await this.#d.store.webhooks.setDeliveryState(deliveryId, 'pending', new Date());
    await this.#d.queue.enqueue('webhook.deliver', { sessionId: deliveryId, deliveryId, redelivery: true }, { jobId: `wh-${deliveryId}-r${Date.now()}`, attempts: 1 });
    return (await this.#d.store.webhooks.getDelivery(deliveryId)) ?? delivery;
  }

  /**
   * Records and queues one delivery per webhook of the org that subscribed to `event`. With
   * `onceKey` the delivery ids derive from it, so the same happening noticed twice (on two nodes
   * at once) is delivered once: the second insert finds the id taken and sends nothing.
   * Returns how many deliveries it recorded.
   */
  async dispatch(orgId: string, event: string, summary: string, data: Record<string, unknown>, options: { onceKey?: string } = {}): Promise<number> {
    const hooks = (await this.#d.store.webhooks.listByOrg(orgId)).filter((h) => h.events.includes(event) || h.events.includes('*'));
    let sent = hooks.length;
    for (const hook of hooks) {
      const id = deliveryId(hook.id, options.onceKey);
      const createdAt = new Date();
      const payload: WebhookMessage = { id, event, orgId, createdAt: createdAt.toISOString(), summary, data };
      const added = await this.#d.store.webhooks.addDelivery({ id, webhookId: hook.id, event, payload: payload as unknown as Record<string, unknown>, state: 'pending', createdAt });
      if (!added) {
        sent--;
        continue;
      }
      await this.#d.queue.enqueue('webhook.deliver', { sessionId: id, deliveryId: id }, { jobId: `wh-${id}-0`, attempts: 1 }).catch((err: unknown) => {
        this.#d.logger.warn({ err, deliveryId: id }, 'webhook delivery not queued; redeliver it from the deliveries list');
      });
    }
    return sent;
  }

  async #own(orgId: string, id: string): Promise<WebhookRecord> {
    const hook = await this.#d.store.webhooks.get(id);
    if (!hook || hook.orgId !== orgId) throw new SpawnError('WEBHOOK_NOT_FOUND', `no webhook ${id}`);
    return hook;
  }
}
