import type { Logger } from '../log/index.ts';

export interface TracingOptions {
  /** OTLP/HTTP base URL (`http://collector:4318`); spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** The encoding (`OTEL_EXPORTER_OTLP_PROTOCOL`): JSON, or protobuf (`application/x-protobuf`). */
  protocol: 'http/json' | 'http/protobuf';
  /** `service.name` of every span (`OTEL_SERVICE_NAME`, default `spawnai`). */
  serviceName: string;
  logger?: Logger;
}

export interface Tracing {
  /** Sends the spans ended so far. */
  flush(): Promise<void>;
  /** Releases this holder; the last one flushes and stops the SDK. */
  close(): Promise<void>;
}

interface Started {
  holders: number;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

// The SDK is process-global (one tracer provider, one context manager): every platform node in
// the process shares one, started by the first and stopped by the last.
let started: Promise<Started> | null = null;

/**
 * Starts the OpenTelemetry SDK: a tracer provider exporting in batches over OTLP/HTTP (JSON or protobuf), the
 * async-hooks context manager and the W3C trace-context propagator. The SDK's packages are loaded
 * here and only here, so a node without an endpoint never loads them.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  started ??= load(options);
  const sdk = await started;
  sdk.holders++;
  let closed = false;
  return {
    flush: () => sdk.flush(),
    async close() {
      if (closed) return;
      closed = true;
      if (--sdk.holders > 0) return sdk.flush();
      started = null;
      await sdk.shutdown();
    },
  };
}

async function load(options: TracingOptions): Promise<Started> {
  const [api, { NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { ATTR_SERVICE_NAME }] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    // Both exporters have the same constructor and post to the same path; only the body differs.
    options.protocol === 'http/protobuf' ? import('@opentelemetry/exporter-trace-otlp-proto') : import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  options.logger?.info({ endpoint: options.endpoint, protocol: options.protocol, serviceName: options.serviceName }, 'OpenTelemetry traces on');
  return {
    holders: 0,
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      // Unregistered, so a later start (another node in the same process) can register again.
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
    },
  };
}
