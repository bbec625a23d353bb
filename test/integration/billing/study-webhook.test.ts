import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWebhook, DeliveryView, StudyView, WorkflowView } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { requireService } from '../../support/services.ts';
import { functionClient, PY_ADD } from '../functions/function-client.ts';
import { eventually, startReceiver } from './webhook-receiver.ts';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
const ORG = 'local';

/**
 * `study.completed`: one signed delivery when a study's last run ends, whether it ran a function or a
 * workflow; `study.failed` besides when every run failed.
 */
// Skipped only where bubblewrap is missing; requireService() fails the run in CI instead.
describe.skipIf(!requireService('bwrap'))('the study.completed and study.failed webhooks', () => {
  let h: Harness;
  let receiver: Receiver;
  let hook: CreatedWebhook;
  let fc: ReturnType<typeof functionClient>;
  let add: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await startHarness({ SPAWN_WEBHOOK_ALLOW_PRIVATE: '1' });
    fc = functionClient(h);
    add = (await fc.register({ runtime: 'python', code: PY_ADD })).id;
    const res = await h.api<CreatedWebhook>('POST', `/api/orgs/${ORG}/webhooks`, { url: receiver.url, events: ['study.completed', 'study.failed'] });
    expect(res.status).toBe(201);
    hook = res.body;
    receiver.secret = hook.secret;
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  const studyDeliveries = async (studyId: string): Promise<DeliveryView[]> =>
    (await h.api<{ deliveries: DeliveryView[] }>('GET', `/api/orgs/${ORG}/webhooks/${hook.id}/deliveries`)).body.deliveries.filter((d) => (d.payload as { data?: { studyId?: string } }).data?.studyId === studyId);

  it('a function study with failing runs: delivered once, signed, with how many runs completed and failed', async () => {
    // b = "x" makes Python's `+` raise: two of the four combinations fail.
    const res = await fc.api<StudyView>('POST', '/api/studies', { functionId: add, parameters: { a: [1, 2], b: [10, 'x'] }, mode: 'grid' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const got = await eventually(() => receiver.received.find((r) => r.json.event === 'study.completed' && r.json.data.studyId === res.body.id), 60_000);
    expect(got.signatureValid).toBe(true);
    expect(got.json.data).toMatchObject({ targetKind: 'function', targetId: add, totalRuns: 4, completed: 2, failed: 2 });
    expect(got.json.summary).toContain('2 of 4 run(s) completed, 2 failed');
    const study = (await fc.api<StudyView>('GET', `/api/studies/${res.body.id}`)).body;
    expect(study.progress).toEqual({ total: 4, done: 4, completed: 2, failed: 2 });

    // Noticed again (another node, a late task event): the same delivery id, nothing new sent.
    const outcome = await h.platform.functions.studies.outcomeIfFinished(res.body.id);
    expect(outcome).not.toBeNull();
    expect(await h.platform.money.webhooks.dispatch(ORG, 'study.completed', 'again', {}, { onceKey: `study.completed:${res.body.id}` })).toBe(0);
    // Two of four completed: not a failed study.
    expect(await studyDeliveries(res.body.id)).toHaveLength(1);
  });

  it('a study whose every run failed: study.failed once, beside study.completed', async () => {
    const res = await fc.api<StudyView>('POST', '/api/studies', { functionId: add, parameters: { a: [1, 2], b: ['x'] }, mode: 'grid' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const got = await eventually(() => receiver.received.find((r) => r.json.event === 'study.failed' && r.json.data.studyId === res.body.id), 60_000);
    expect(got.signatureValid).toBe(true);
    expect(got.json.data).toMatchObject({ targetKind: 'function', targetId: add, totalRuns: 2, completed: 0, failed: 2 });
    expect(got.json.summary).toContain('all 2 run(s) failed');
    await eventually(() => receiver.received.find((r) => r.json.event === 'study.completed' && r.json.data.studyId === res.body.id), 60_000);
    // Noticed again: nothing new sent.
    expect(await h.platform.money.webhooks.dispatch(ORG, 'study.failed', 'again', {}, { onceKey: `study.failed:${res.body.id}` })).toBe(0);
    const events = (await studyDeliveries(res.body.id)).map((d) => (d.payload as { event: string }).event).sort();
    expect(events).toEqual(['study.completed', 'study.failed']);
  });

  it('a workflow study: delivered when its last run ends', async () => {
    const wf = await fc.api<WorkflowView>('POST', '/api/workflows', { name: 'wf', steps: [{ id: 's', functionId: add, inputs: { a: { $ref: 'inputs.x' }, b: 1 } }] });
    expect(wf.status, JSON.stringify(wf.body)).toBe(201);
    const res = await fc.api<StudyView>('POST', '/api/studies', { workflowId: wf.body.id, parameters: { x: [1, 2, 3] }, mode: 'list' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const got = await eventually(() => receiver.received.find((r) => r.json.event === 'study.completed' && r.json.data.studyId === res.body.id), 60_000);
    expect(got.signatureValid).toBe(true);
    expect(got.json.data).toMatchObject({ targetKind: 'workflow', totalRuns: 3, completed: 3, failed: 0 });
    const study = (await fc.api<StudyView>('GET', `/api/studies/${res.body.id}`)).body;
    expect(study.state).toBe('completed');
    expect(await studyDeliveries(res.body.id)).toHaveLength(1);
  });
});
