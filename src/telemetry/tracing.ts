import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/**
 * The instrumentation points' side of tracing: only `@opentelemetry/api`, whose calls are no-ops
 * until `startTracing()` registers an SDK. With `OTEL_EXPORTER_OTLP_ENDPOINT` unset nothing is
 * registered, so a span costs one no-op object and no context is ever propagated.
 */
const tracer = () => trace.getTracer('spawnai');

export type SpanAttributes = Attributes;

/**
 * Runs `fn` inside a new span, a child of the active one; the span ends when `fn` settles, and
 * records the error (status ERROR) when it throws.
 *
 * @example await withSpan('deploy', { 'spawn.session.id': id }, () => deployer.deploy(…))
 */
export function withSpan<T>(name: string, attributes: SpanAttributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err instanceof Error ? err : String(err));
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message.slice(0, 500) : String(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Adds attributes to the active span (what is only known mid-way: a session id, token counts). */
export function setSpanAttributes(attributes: SpanAttributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

/**
 * The active trace context as W3C headers (`traceparent`, maybe `tracestate`), for data that
 * crosses a process boundary (a queue job); empty when tracing is off or no span is active.
 */
export function traceContextCarrier(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * Runs `fn` with the trace context read from a carrier `traceContextCarrier()` wrote, and only
 * that one: without a `traceparent` it starts from the root context, so a job handled in the
 * process that queued it (the in-process queue) is traced exactly as one from Redis would be.
 */
export function withTraceContext<T>(carrier: Record<string, unknown>, fn: () => T): T {
  const headers: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate']) if (typeof carrier[key] === 'string') headers[key] = carrier[key];
  return context.with(headers.traceparent ? propagation.extract(ROOT_CONTEXT, headers) : ROOT_CONTEXT, fn);
}
