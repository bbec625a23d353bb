import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { REDIS_URL, requireService } from '../../support/services.ts';
import { ownRedisNamespace } from '../../support/shared-services.ts';
import { functionClient, PY_ADD } from '../functions/function-client.ts';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';

const space = ownRedisNamespace('otel-fn');
const NAMESPACE = space.namespace;

let h: Harness | undefined;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await h?.close();
  for (const close of closers) await close();
  if (requireService('redis')) await space.drop();
});

/**
 * Function calls are traced like sessions: the API request is the root, the `task.run` job
 * continues it through Redis (its context rides in the job's data), and the worker's sandbox run
 * — with the cold runtime's start inside — is its child.
 */
// Skipped only where bubblewrap, Redis or python3 is missing; requireService() fails the run in CI instead.
describe.skipIf(!requireService('bwrap') || !requireService('redis') || !requireService('python3'))('OpenTelemetry traces of function calls', () => {
  it('one trace per call: POST /api/functions/:id/execute → job task.run → sandbox run → runtime start (sent as OTLP/HTTP protobuf)', async () => {
    const receiver = await startOtlpReceiver();
    closers.push(() => receiver.close());
    // Protobuf here (the session trace test covers JSON): the receiver decodes the wire format itself.
    h = await startHarness({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_SERVICE_NAME: 'spawnai-test', REDIS_URL, SPAWN_REDIS_NAMESPACE: NAMESPACE });
    const fc = functionClient(h);
    const fn = await fc.register({ runtime: 'python', code: PY_ADD });
    const task = await fc.run(fn.id, { a: 20, b: 22 });
    expect(task).toMatchObject({ state: 'completed', outputs: { sum: 42 } });
    // Closing the node ends its jobs and flushes the batch of spans.
    await h.close();
    h = undefined;
    expect(receiver.unexpected).toEqual([]);
    expect(receiver.encodings.length).toBeGreaterThan(0);
    expect(new Set(receiver.encodings)).toEqual(new Set(['protobuf']));

    const root = receiver.spans.find((s) => s.name === 'POST /api/functions/:id/execute' && s.attributes['spawn.task.id'] === task.id);
    expect(root, receiver.spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(root!.parentSpanId).toBe('');
    expect(root!.serviceName).toBe('spawnai-test');
    expect(root!.attributes).toMatchObject({ 'http.route': '/api/functions/:id/execute', 'spawn.function.id': fn.id, 'http.response.status_code': 200 });
    const trace = receiver.spans.filter((s) => s.traceId === root!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan): string | undefined => byId.get(s.parentSpanId)?.name;
    const one = (name: string): ReceivedSpan => {
      const found = trace.filter((s) => s.name === name);
      expect(found, `${name} in ${trace.map((s) => s.name).join(', ')}`).toHaveLength(1);
      return found[0]!;
    };
    const job = one('job task.run');
    expect(parentOf(job)).toBe('POST /api/functions/:id/execute');
    const run = one('sandbox run');
    expect(parentOf(run)).toBe('job task.run');
    expect(run.attributes).toMatchObject({ 'spawn.task.id': task.id, 'spawn.function.id': fn.id, 'spawn.function.outcome': 'ok', 'spawn.function.warm': false });
    expect(parentOf(one('runtime start'))).toBe('sandbox run');
  });
});
