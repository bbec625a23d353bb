import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { decodeTraceRequest } from './otlp-protobuf.ts';

/** One span as received, flattened from OTLP/HTTP JSON (`resourceSpans[].scopeSpans[].spans[]`). */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** '' for a root span. */
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
  /** The resource's `service.name`. */
  serviceName: unknown;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpBody {
  resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }[] }[] }[];
}

function value(v: OtlpValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue); // int64 may arrive as a string in JSON
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(value);
  return undefined;
}
const attrs = (list: OtlpAttribute[] = []): Record<string, unknown> => Object.fromEntries(list.map((a) => [a.key, value(a.value)]));

/**
 * A real OTLP/HTTP collector endpoint on loopback: accepts `POST /v1/traces` with the JSON
 * encoding (what @opentelemetry/exporter-trace-otlp-http sends) or the protobuf one
 * (`application/x-protobuf`, exporter-trace-otlp-proto) and keeps every span, with the encoding of
 * each request in `encodings`. Anything else is recorded in `unexpected` and answered 404.
 */
export async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; encodings: string[]; unexpected: string[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const encodings: string[] = [];
  const unexpected: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const type = String(req.headers['content-type'] ?? '');
      const protobuf = type.startsWith('application/x-protobuf');
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !(protobuf || type.startsWith('application/json'))) {
        unexpected.push(`${req.method} ${req.url} ${type}`);
        res.writeHead(404).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      const bytes = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      encodings.push(protobuf ? 'protobuf' : 'json');
      if (protobuf) {
        spans.push(...decodeTraceRequest(bytes));
        // An empty ExportTraceServiceResponse: zero bytes of protobuf.
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
        return;
      }
      const body = JSON.parse(bytes.toString('utf8')) as OtlpBody;
      for (const rs of body.resourceSpans ?? []) {
        const serviceName = attrs(rs.resource?.attributes)['service.name'];
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) spans.push({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? '', name: s.name, attributes: attrs(s.attributes), serviceName });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, encodings, unexpected, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
