import { afterAll, describe, expect, it } from 'vitest';
import type { CreatedSession, PostedMessage } from '../../../src/api-types.ts';
import { FakeAnthropic } from '../../fakes/fake-anthropic.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';
import { ownRedisNamespace } from '../../support/shared-services.ts';
import { editAnswer, waitForChange } from '../revisions/revision-harness.ts';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';

const page = `<file path="index.html">\n<!doctype html><html><head><title>traced</title></head><body><h1>traced</h1></body></html>\n</file>\n`;
const MODEL = 'anthropic:claude-sonnet-4-5';
const space = ownRedisNamespace('otel');
const NAMESPACE = space.namespace;

let h: Harness | undefined;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await h?.close();
  for (const close of closers) await close();
  if (requireService('redis')) await space.drop();
});

/**
 * Issue 16: with OTEL_EXPORTER_OTLP_ENDPOINT set, one session is one trace from the API request,
 * through the queue job (the context rides in the job's data), to the pipeline's steps and each
 * model call with its tokens — received on a real OTLP/HTTP endpoint.
 */
// Skipped only where bubblewrap or Redis is missing; requireService() fails the run in CI instead.
describe.skipIf(!requireService('bwrap') || !requireService('redis'))('OpenTelemetry traces', () => {
  it('one trace per session: POST /api/sessions → job session.run → sandbox, generate (model call with tokens), deploy, verify; an edit is one trace too', async () => {
    const receiver = await startOtlpReceiver();
    closers.push(() => receiver.close());
    const fake = await FakeAnthropic.start();
    closers.push(() => fake.close());
    fake.script({ text: page, chunkSize: 32, usage: { inputTokens: 1200, outputTokens: 345 } });
    h = await startHarness(
      // Jobs go through Redis (BullMQ): the worker's spans can only join the trace through the job's data.
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'spawnai-test', SPAWN_VERIFY: 'http', REDIS_URL, SPAWN_REDIS_NAMESPACE: NAMESPACE },
      { providerEnv: { SPAWN_MODELS: MODEL, ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: `${fake.url}/v1` } },
    );
    const created = await h.api<CreatedSession>('POST', '/api/sessions', { prompt: 'a landing page', appType: 'webapp' });
    expect(created.status).toBe(201);
    const done = await h.waitFor(created.body.id, ['running', 'failed']);
    expect(done.state, JSON.stringify(done.error)).toBe('running');
    // A follow-up edit is its own trace: request → job session.edit → edit (its model call), deploy.
    fake.script({ text: editAnswer('index.html', '<h1>traced</h1>', '<h1>edited</h1>'), usage: { inputTokens: 900, outputTokens: 60 } });
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${created.body.id}/messages`, { prompt: 'say edited' });
    expect(posted.status).toBe(202);
    const { messages } = await waitForChange(h, created.body.id, posted.body.messageId);
    expect(messages.find((m) => m.id === posted.body.messageId)?.status).toBe('done');
    // Closing the node ends its jobs and flushes the batch of spans.
    await h.close();
    h = undefined;
    expect(receiver.unexpected).toEqual([]);

    const root = receiver.spans.find((s) => s.name === 'POST /api/sessions' && s.attributes['spawn.session.id'] === created.body.id);
    expect(root, receiver.spans.map((s) => s.name).join(', ')).toBeDefined();
    const trace = receiver.spans.filter((s) => s.traceId === root!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan | undefined): string | undefined => (s ? byId.get(s.parentSpanId)?.name : undefined);
    const one = (name: string): ReceivedSpan => {
      const found = trace.filter((s) => s.name === name);
      expect(found, `${name} in ${trace.map((s) => s.name).join(', ')}`).toHaveLength(1);
      return found[0]!;
    };

    expect(root!.parentSpanId).toBe('');
    expect(root!.serviceName).toBe('spawnai-test');
    expect(root!.attributes['http.route']).toBe('/api/sessions');
    const job = one('job session.run');
    expect(parentOf(job)).toBe('POST /api/sessions');
    expect(job.attributes['spawn.session.id']).toBe(created.body.id);
    for (const step of ['sandbox', 'generate', 'deploy']) expect(parentOf(one(step)), step).toBe('job session.run');
    expect(parentOf(one('verify'))).toBe('deploy');
    const call = one(`model call ${MODEL}`);
    expect(parentOf(call)).toBe('generate');
    expect(call.attributes).toMatchObject({ 'gen_ai.request.model': MODEL, 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 345, 'spawn.generation.purpose': 'generate' });

    const editRoot = receiver.spans.find((s) => s.name === 'POST /api/sessions/:id/messages' && s.attributes['spawn.session.id'] === created.body.id);
    expect(editRoot, receiver.spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(editRoot!.parentSpanId).toBe('');
    expect(editRoot!.traceId).not.toBe(root!.traceId);
    const editTrace = receiver.spans.filter((s) => s.traceId === editRoot!.traceId);
    const editById = new Map(editTrace.map((s) => [s.spanId, s]));
    const editStep = (name: string): { span: ReceivedSpan; parent: string | undefined } => {
      const found = editTrace.filter((s) => s.name === name);
      expect(found, `${name} in ${editTrace.map((s) => s.name).join(', ')}`).toHaveLength(1);
      return { span: found[0]!, parent: editById.get(found[0]!.parentSpanId)?.name };
    };
    expect(editStep('job session.edit').parent).toBe('POST /api/sessions/:id/messages');
    expect(editStep('edit').parent).toBe('job session.edit');
    expect(editStep('deploy').parent).toBe('job session.edit');
    const editCall = editStep(`model call ${MODEL}`);
    expect(editCall.parent).toBe('edit');
    expect(editCall.span.attributes).toMatchObject({ 'gen_ai.usage.input_tokens': 900, 'gen_ai.usage.output_tokens': 60 });

    // Every span of the session is in one of these two traces.
    const elsewhere = receiver.spans.filter((s) => s.traceId !== root!.traceId && s.traceId !== editRoot!.traceId && s.attributes['spawn.session.id'] === created.body.id);
    expect(elsewhere.map((s) => s.name)).toEqual([]);
    fake.assertNoUnexpected();
  });
});
