import { ALERT_RULES } from '../config/index.ts';

export const LIFECYCLE_EVENTS = ['session.running', 'session.failed', 'session.destroyed', 'task.completed', 'task.failed', 'study.completed', 'study.failed'] as const;
export const ALERT_EVENTS = ALERT_RULES.map((rule) => `alert.${rule}` as const);
/** What a webhook may subscribe to; `*` is every event. */
export const WEBHOOK_EVENTS = [...LIFECYCLE_EVENTS, ...ALERT_EVENTS] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The envelope every format is built from (the generic JSON format sends it as is). */
export interface WebhookMessage {
  id: string;
  event: string;
  orgId: string;
  createdAt: string;
  /** One human sentence, for chat formats. */
  summary: string;
  data: Record<string, unknown>;
}
