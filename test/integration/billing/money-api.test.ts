import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, CreatedSession, CreatedWebhook, DeliveryView, UsageView } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { requireService } from '../../support/services.ts';
import { eventually, startReceiver } from './webhook-receiver.ts';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
const ORG = 'local'; // single-user mode: the local owner's personal organisation

// Skipped only where bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!requireService('bwrap'))('credits, usage, webhooks and alerts through the API', () => {
  let h: Harness;
  let receiver: Receiver;
  let hook: CreatedWebhook;

  beforeAll(async () => {
    receiver = await startReceiver();
    // Loopback is refused by default (WEBHOOK_URL_FORBIDDEN); the receiver lives there. Any actual
    // cost passes 0.0001 % of the estimate, so every destroyed session is a cost overrun.
    h = await startHarness({ SPAWN_WEBHOOK_ALLOW_PRIVATE: '1', SPAWN_DEFAULT_CREDITS_USD: '1', SPAWN_ALERT_COST_OVERRUN_PERCENT: '0.0001' });
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  const deliveries = async (): Promise<DeliveryView[]> => (await h.api<{ deliveries: DeliveryView[] }>('GET', `/api/orgs/${ORG}/webhooks/${hook.id}/deliveries`)).body.deliveries;
  const got = (event: string) => receiver.received.filter((r) => r.json.event === event);

  it('registers a webhook and shows its secret once', async () => {
    const res = await h.api<CreatedWebhook>('POST', `/api/orgs/${ORG}/webhooks`, { url: receiver.url, events: ['*'] });
    expect(res.status).toBe(201);
    hook = res.body;
    expect(hook.secret).toMatch(/^whsec_/);
    receiver.secret = hook.secret;
    const list = await h.api<{ webhooks: Record<string, unknown>[] }>('GET', `/api/orgs/${ORG}/webhooks`);
    expect(list.body.webhooks).toEqual([expect.objectContaining({ id: hook.id, url: receiver.url, format: 'json' })]);
    expect(list.body.webhooks[0]).not.toHaveProperty('secret');
    const other = await h.api('POST', `/api/orgs/someone-else/webhooks`, { url: receiver.url, events: ['*'] });
    // Webhooks are an organisation's own: an installation admin who is not a member sees no such org.
    expect(other.status).toBe(404);
  });

  it('a session reserves, runs (session.running, signed, retried after two 500s) and settles at destruction', async () => {
    receiver.failFirst = 2;
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a todo list', appType: 'webapp' });
    expect(created.status).toBe(201);
    const account = (await h.api<AccountView>('GET', `/api/orgs/${ORG}/billing`)).body;
    expect(account.balanceUsd).toBeCloseTo(1 - created.body.estimatedCost, 6);
    await h.waitFor(created.body.id, ['running']);
    const running = await eventually(() => got('session.running')[0]);
    expect(running.signatureValid).toBe(true);
    expect(running.headers['x-spawn-delivery']).toBe(running.json.id);
    expect(running.json.data.sessionId).toBe(created.body.id);
    const delivery = await eventually(async () => (await deliveries()).find((d) => d.event === 'session.running' && d.state === 'delivered'));
    expect(delivery.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 204]);
    expect(delivery.attemptLog.every((a) => a.durationMs >= 0)).toBe(true);

    // Redelivery: the same delivery id again, one more attempt logged.
    expect((await h.api('POST', `/api/orgs/${ORG}/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`)).status).toBe(202);
    await eventually(() => (receiver.received.filter((r) => r.json.id === delivery.id).length === 2 ? true : undefined));
    expect((await deliveries()).find((d) => d.id === delivery.id)?.attempts).toBe(4);

    await h.api('DELETE', `/api/sessions/${created.body.id}`);
    const destroyed = await h.waitFor(created.body.id, ['destroyed']);
    const after = (await h.api<AccountView>('GET', `/api/orgs/${ORG}/billing`)).body;
    expect(after.balanceUsd).toBeCloseTo(1 - (destroyed.actualCost ?? 0), 6);
    await eventually(() => got('session.destroyed')[0]);
    const overrun = await eventually(() => got('alert.cost_overrun')[0]);
    expect(overrun.signatureValid).toBe(true);
    // Once per incident: the same session seen ending again raises nothing new.
    h.platform.money.signals.sessionEvent(created.body.id, 'state', { state: 'destroyed' });
    const alerts = await h.api<{ alerts: { rule: string }[] }>('GET', `/api/orgs/${ORG}/alerts`);
    expect(alerts.body.alerts.filter((a) => a.rule === 'cost_overrun')).toHaveLength(1);
    expect(got('alert.cost_overrun')).toHaveLength(1);

    const usage = (await h.api<UsageView>('GET', `/api/orgs/${ORG}/usage?groupBy=appType`)).body;
    expect(usage.totals.sessions).toBe(1);
    expect(usage.groups).toEqual([expect.objectContaining({ key: 'webapp', sessions: 1 })]);
    expect(usage.ledger.map((e) => e.kind).sort()).toEqual(['charge', 'grant', 'release', 'reserve']);
    const csv = await fetch(`${h.base}/api/orgs/${ORG}/usage.csv?groupBy=day`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toBe('day,sessions,computeUsd,generationUsd,functionUsd,totalUsd,inputTokens,outputTokens');
  });

  it('refuses over the hard budget (402 BUDGET_EXCEEDED) and out of credit (402 CREDITS_EXHAUSTED), alerting once each', async () => {
    expect((await h.api('PUT', `/api/orgs/${ORG}/budget`, { softLimitUsd: null, hardLimitUsd: 0.000001 })).status).toBe(200);
    const over = await h.api<{ error: { code: string; message: string } }>('POST', '/api/sessions', { prompt: 'a clock' });
    expect(over.status).toBe(402);
    expect(over.body.error.code).toBe('BUDGET_EXCEEDED');
    await eventually(() => got('alert.budget_100')[0]);
    await h.api('PUT', `/api/orgs/${ORG}/budget`, { softLimitUsd: null, hardLimitUsd: null });

    const balance = (await h.api<AccountView>('GET', `/api/orgs/${ORG}/billing`)).body.balanceUsd;
    const drained = await h.api<AccountView>('POST', `/api/orgs/${ORG}/credits`, { amountUsd: -balance, note: 'test: spend it all' });
    expect(drained.body.refusal?.code).toBe('CREDITS_EXHAUSTED');
    const broke = await h.api<{ error: { code: string; message: string } }>('POST', '/api/sessions', { prompt: 'a clock' });
    expect(broke.status).toBe(402);
    expect(broke.body.error).toMatchObject({ code: 'CREDITS_EXHAUSTED', message: expect.stringContaining('$0.00') });
    await eventually(() => got('alert.credits_exhausted')[0]);
    await h.api('POST', '/api/sessions', { prompt: 'a clock' });
    await h.platform.money.watch.runOnce();
    expect(got('alert.credits_exhausted')).toHaveLength(1);

    const fn = await h.api<{ id: string }>('POST', '/api/functions', { name: 'add', runtime: 'node', code: 'export function main({a, b}) { return {sum: a + b}; }' });
    expect(fn.status).toBe(201);
    const exec = await h.api<{ error: { code: string } }>('POST', `/api/functions/${fn.body.id}/execute`, { inputs: { a: 1, b: 2 } });
    expect(exec.status).toBe(402);
    expect(exec.body.error.code).toBe('CREDITS_EXHAUSTED');
  });
});
