import type { LedgerEntryView } from '../api-types.ts';
import { toUsd } from '../billing/index.ts';
import type { DeliveryAttempt, DeliveryRecord, LedgerEntry, WebhookRecord } from '../store/index.ts';

export function toLedgerView(e: LedgerEntry): LedgerEntryView {
  return { id: e.id, kind: e.kind, amountUsd: toUsd(e.amountMicro), sessionId: e.sessionId, note: e.note, actor: e.actor, details: e.details, at: e.at.toISOString() };
}

export function toWebhookView(h: Omit<WebhookRecord, 'secret'>): { id: string; orgId: string; url: string; events: string[]; format: WebhookRecord['format']; createdAt: string } {
  return { id: h.id, orgId: h.orgId, url: h.url, events: h.events, format: h.format, createdAt: h.createdAt.toISOString() };
}

export function toDeliveryView(d: DeliveryRecord & { attemptLog: DeliveryAttempt[] }) {
  return {
    id: d.id,
    webhookId: d.webhookId,
    event: d.event,
    state: d.state,
    attempts: d.attempts,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    payload: d.payload,
    attemptLog: d.attemptLog.map((a) => ({ at: a.at.toISOString(), statusCode: a.statusCode, durationMs: a.durationMs, error: a.error })),
  };
}
