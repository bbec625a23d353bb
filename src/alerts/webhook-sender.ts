import { randomUUID } from 'node:crypto';
import type { MoneyConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { JobContext, JobQueue } from '../queue/index.ts';
import type { Store } from '../store/index.ts';
import type { WebhookMessage } from './webhook-events.ts';
import { formatWebhookBody } from './webhook-formats.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature.ts';
import { assertWebhookUrl } from './webhook-url.ts';

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_DELAY_MS = 3_600_000; // 1 h between attempts at most

/** The delay before attempt n + 1 after n failed ones: 1 s, 2 s, 4 s … capped at an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failedAttempts - 1), RETRY_MAX_DELAY_MS);
}

/**
 * The `webhook.deliver` job: one signed POST, logged with its status and duration. A failure is
 * retried with exponential backoff (a new delayed job) until `retryHours` after the delivery was
 * created; redirects are not followed (they could lead to a forbidden address).
 */
export class WebhookSender {
  readonly #d: { store: Store; queue: JobQueue; config: MoneyConfig; logger: Logger; onAttempt?: (ok: boolean) => void };

  constructor(deps: { store: Store; queue: JobQueue; config: MoneyConfig; logger: Logger; onAttempt?: (ok: boolean) => void }) {
    this.#d = deps;
  }

  async run(job: JobContext): Promise<void> {
    const { store, config } = this.#d;
    const deliveryId = String(job.data.deliveryId ?? job.data.sessionId);
    const delivery = await store.webhooks.getDelivery(deliveryId);
    if (!delivery || delivery.state === 'delivered') return;
    const hook = await store.webhooks.get(delivery.webhookId);
    if (!hook) return store.webhooks.setDeliveryState(deliveryId, 'failed', new Date());
    const message = delivery.payload as unknown as WebhookMessage;
    const body = formatWebhookBody(hook.format, message);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      await assertWebhookUrl(hook.url, config.webhooks.allowPrivate);
      const res = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(config.webhooks.timeoutMs), job.signal]),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SpawnAI-Webhooks/1',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body),
          [EVENT_HEADER]: message.event,
          [DELIVERY_HEADER]: delivery.id,
        },
        body,
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message.slice(0, 500);
    }
    const ok = error === null;
    this.#d.onAttempt?.(ok);
    const expired = Date.now() - delivery.createdAt.getTime() > config.webhooks.retryHours * 3_600_000;
    const redelivery = job.data.redelivery === true;
    const state = ok ? 'delivered' : expired || redelivery ? 'failed' : 'pending';
    await store.webhooks.recordAttempt({ id: randomUUID(), deliveryId, at: new Date(), statusCode, durationMs: performance.now() - started, error }, state);
    if (state !== 'pending') return;
    const attempts = delivery.attempts + 1;
    await this.#d.queue.enqueue('webhook.deliver', { sessionId: deliveryId, deliveryId }, { jobId: `wh-${deliveryId}-${attempts}`, delayMs: retryDelayMs(attempts), attempts: 1 });
  }
}
