import { describe, expect, it } from 'vitest';
import { assertWebhookUrl, formatWebhookBody, signWebhook, verifyWebhook, type WebhookMessage } from '../../../src/alerts/index.ts';

const refused = (url: string) => expect(assertWebhookUrl(url, false)).rejects.toMatchObject({ code: 'WEBHOOK_URL_FORBIDDEN' });

describe('webhook URLs (SSRF)', () => {
  it.each([
    'http://127.0.0.1:9/hook',
    'http://localhost/hook',
    'http://app.localhost/hook',
    'http://10.1.2.3/',
    'http://172.20.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'https://user:pass@example.com/',
    'not a url',
  ])('refuses %s', (url) => refused(url));

  it('accepts public addresses, and private ones when the operator allows them', async () => {
    await expect(assertWebhookUrl('https://93.184.216.34/hook', false)).resolves.toBeInstanceOf(URL);
    await expect(assertWebhookUrl('http://127.0.0.1:9/hook', true)).resolves.toBeInstanceOf(URL);
  });
});

describe('signatures and formats', () => {
  const m: WebhookMessage = { id: 'dlv_1', event: 'alert.cost_overrun', orgId: 'acme', createdAt: '2026-12-07T00:00:00.000Z', summary: 'it cost too much', data: { sessionId: 's1' } };

  it('signs timestamp + body; a changed body, secret or an old timestamp fails verification', () => {
    const body = formatWebhookBody('json', m);
    const sig = signWebhook('whsec_x', 1000, body);
    expect(verifyWebhook('whsec_x', 1000, body, sig, { now: 1010 })).toBe(true);
    expect(verifyWebhook('whsec_x', 1000, `${body} `, sig, { now: 1010 })).toBe(false);
    expect(verifyWebhook('whsec_y', 1000, body, sig, { now: 1010 })).toBe(false);
    expect(verifyWebhook('whsec_x', 1000, body, sig, { now: 5000 })).toBe(false);
  });

  it('speaks Slack and Discord incoming-webhook payloads', () => {
    expect(JSON.parse(formatWebhookBody('slack', m))).toMatchObject({ text: expect.stringContaining('it cost too much'), blocks: expect.any(Array) });
    expect(JSON.parse(formatWebhookBody('discord', m))).toMatchObject({ content: 'it cost too much', embeds: [expect.objectContaining({ title: 'alert.cost_overrun' })] });
    expect(JSON.parse(formatWebhookBody('json', m))).toEqual(m);
  });
});
