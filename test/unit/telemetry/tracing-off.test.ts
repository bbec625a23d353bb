import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { traceContextCarrier, withSpan, withTraceContext } from '../../../src/telemetry/index.ts';

/** Without OTEL_EXPORTER_OTLP_ENDPOINT nothing is started: spans are no-ops and jobs carry no context. */
describe('tracing when no endpoint is configured', () => {
  it('is off by default and names the service spawnai', () => {
    const config = loadConfig({}, { SPAWN_DATA_DIR: '/tmp/x' });
    expect(config.money.otlpEndpoint).toBeUndefined();
    expect(config.money.otelServiceName).toBe('spawnai');
    expect(() => loadConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('sends JSON unless OTEL_EXPORTER_OTLP_PROTOCOL asks for protobuf, and refuses gRPC at start-up with what to do', () => {
    expect(loadConfig({}, { SPAWN_DATA_DIR: '/tmp/x' }).money.otlpProtocol).toBe('http/json');
    expect(loadConfig({}, { SPAWN_DATA_DIR: '/tmp/x', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' }).money.otlpProtocol).toBe('http/protobuf');
    // Values the type forbids, as a real environment may hold them.
    for (const value of ['grpc', 'http/xml'] as unknown as 'http/json'[]) {
      expect(() => loadConfig({}, { SPAWN_DATA_DIR: '/tmp/x', OTEL_EXPORTER_OTLP_PROTOCOL: value })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL.*must be http\/json or http\/protobuf.*grpc is not supported.*4318/);
    }
  });

  it('runs the work, records nothing and propagates no traceparent', async () => {
    const result = await withSpan('step', { a: 1 }, async (span) => {
      expect(span.isRecording()).toBe(false);
      return traceContextCarrier();
    });
    expect(result).toEqual({});
    await expect(withSpan('failing', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(withTraceContext({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }, () => 42)).toBe(42);
  });
});
