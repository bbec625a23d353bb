import type { WebhookFormat } from '../store/index.ts';
import type { WebhookMessage } from './webhook-events.ts';

const ICONS: Record<string, string> = { alert: ':rotating_light:', session: ':rocket:', task: ':gear:', study: ':bar_chart:' };

/**
 * The body sent for a message in a webhook's format: the generic envelope as JSON, or the
 * incoming-webhook payload of Slack (`text` + blocks) or Discord (`content` + an embed).
 */
export function formatWebhookBody(format: WebhookFormat, m: WebhookMessage): string {
  const icon = ICONS[m.event.split('.')[0] ?? ''] ?? '';
  switch (format) {
    case 'json':
      return JSON.stringify(m);
    case 'slack':
      return JSON.stringify({
        text: `${icon} ${m.summary}`.trim(),
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `${icon} *${m.event}*\n${m.summary}`.trim() } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `org ${m.orgId} · ${m.createdAt} · delivery ${m.id}` }] },
        ],
      });
    case 'discord':
      return JSON.stringify({
        content: m.summary.slice(0, 2000),
        embeds: [{ title: m.event, description: m.summary.slice(0, 4096), timestamp: m.createdAt, footer: { text: `org ${m.orgId}` }, color: m.event.startsWith('alert.') ? 0xd93025 : 0x1a73e8 }],
      });
  }
}
