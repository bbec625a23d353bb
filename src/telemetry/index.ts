export { withSpan, setSpanAttributes, traceContextCarrier, withTraceContext, type SpanAttributes } from './tracing.ts';
export { startTracing, type Tracing, type TracingOptions } from './start-tracing.ts';
