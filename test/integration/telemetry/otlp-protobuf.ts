/**
 * A minimal decoder of OTLP's protobuf `ExportTraceServiceRequest`, for the test receiver: just the
 * fields the tests read (resource attributes, span ids, name, attributes), from the wire format
 * itself (opentelemetry-proto's trace.proto / common.proto field numbers), so an encoder bug cannot
 * hide behind a decoder from the same library.
 */
type Field = { no: number; wire: number; varint: bigint; bytes: Buffer };

function varint(buf: Buffer, at: { i: number }): bigint {
  let result = 0n;
  for (let shift = 0n; ; shift += 7n) {
    const byte = buf[at.i++];
    if (byte === undefined) throw new Error('truncated varint');
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return result;
  }
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  const at = { i: 0 };
  while (at.i < buf.length) {
    const key = Number(varint(buf, at));
    const no = key >>> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ no, wire, varint: varint(buf, at), bytes: Buffer.alloc(0) });
    else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      out.push({ no, wire, varint: 0n, bytes: buf.subarray(at.i, at.i + size) });
      at.i += size;
    } else if (wire === 2) {
      const len = Number(varint(buf, at));
      out.push({ no, wire, varint: 0n, bytes: buf.subarray(at.i, at.i + len) });
      at.i += len;
    } else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

const all = (buf: Buffer, no: number): Buffer[] => fields(buf).filter((f) => f.no === no && f.wire === 2).map((f) => f.bytes);
const first = (buf: Buffer, no: number): Buffer | undefined => all(buf, no)[0];

/** AnyValue: string 1, bool 2, int 3, double 4. */
function anyValue(buf: Buffer): unknown {
  for (const f of fields(buf)) {
    if (f.no === 1) return f.bytes.toString('utf8');
    if (f.no === 2) return f.varint !== 0n;
    if (f.no === 3) return Number(BigInt.asIntN(64, f.varint));
    if (f.no === 4) return f.bytes.readDoubleLE(0);
  }
  return undefined;
}

/** KeyValue: key 1, value 2. */
const attributes = (list: Buffer[]): Record<string, unknown> =>
  Object.fromEntries(list.map((kv) => [first(kv, 1)?.toString('utf8') ?? '', anyValue(first(kv, 2) ?? Buffer.alloc(0))]));

export interface DecodedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
  serviceName: unknown;
}

/** ExportTraceServiceRequest: resource_spans 1 → resource 1 (attributes 1), scope_spans 2 → spans 2. */
export function decodeTraceRequest(body: Buffer): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const rs of all(body, 1)) {
    const resource = first(rs, 1);
    const serviceName = resource ? attributes(all(resource, 1))['service.name'] : undefined;
    for (const ss of all(rs, 2)) {
      // Span: trace_id 1, span_id 2, parent_span_id 4, name 5, attributes 9.
      for (const s of all(ss, 2)) {
        const hex = (no: number): string => first(s, no)?.toString('hex') ?? '';
        spans.push({ traceId: hex(1), spanId: hex(2), parentSpanId: hex(4), name: first(s, 5)?.toString('utf8') ?? '', attributes: attributes(all(s, 9)), serviceName });
      }
    }
  }
  return spans;
}
