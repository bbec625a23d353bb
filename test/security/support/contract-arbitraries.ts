import fc from 'fast-check';

/** The slice of an OpenAPI 3.1 document the contract fuzz reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export type JsonSchema = { [key: string]: unknown };

/** A body as sent: JSON text (possibly invalid on purpose) and the content type it claims. */
export interface FuzzBody {
  text: string;
  contentType: string;
  label: string;
}

/** Our own walk over the (finite) schema, bounded anyway: `$ref` cycles are legal in OpenAPI. */
const SCHEMA_DEPTH = 5;

function resolve(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return schema;
  return doc.components?.schemas?.[ref.slice('#/components/schemas/'.length)] ?? {};
}

/** Values that fit `schema` more or less (shapes, not every constraint): the base to mutate. */
export function valueFor(schema: JsonSchema, doc: OpenApiDocument, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > SCHEMA_DEPTH) return fc.constant(null);
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => valueFor(a, doc, depth + 1)));
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...(s.enum as unknown[]));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueFor(v, doc, depth + 1)]));
      return fc.record(model, { requiredKeys: ((s.required as string[] | undefined) ?? []).filter((k) => k in props) });
    }
    case 'array':
      return fc.array(valueFor((s.items ?? {}) as JsonSchema, doc, depth + 1), { maxLength: 3 });
    case 'string':
      return fc.string({ maxLength: 40 });
    case 'integer':
      return fc.integer({ min: -5, max: 100 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const EDGE_STRINGS = ['\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202eevil', '\ufeff', '\u200b\u200d', '🦄👩‍👩‍👧‍👦', 'e\u0301', '\u2028\u2029', '../../etc/passwd', '%00', '<script>x</script>'];
const EDGE_NUMBERS = ['1e308', '-1e308', '-0', '9007199254740993', '-9223372036854775808', '5e-324', '-1', '1e999', '0.1e-400', '123456789012345678901234567890'];
const WRONG_TYPES = ['null', '0', '""', '[]', '{}', 'true', '"x"', '[[[]]]', '{"$ref":"inputs"}'];

/** One hostile value, as JSON text (some are not JSON.stringify-able, e.g. 1e999 or a lone surrogate escape). */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS).map((s) => JSON.stringify(s)),
  fc.constantFrom(...EDGE_NUMBERS, ...WRONG_TYPES),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => JSON.stringify('x'.repeat(n))),
  fc.integer({ min: 100, max: 15_000 }).map((n) => JSON.stringify('🦄'.repeat(n / 4))),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => JSON.stringify(s)),
  fc.integer({ min: 2, max: 30_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 2, max: 6_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '{"prototype":1,"__proto__":null}'),
);

/**
 * Bodies for one operation: its schema's shape with one field (or the whole body) replaced by a
 * hostile value, prototype keys added, the text truncated, or a content type that is not JSON.
 */
export function bodiesFor(schema: JsonSchema | undefined, doc: OpenApiDocument): fc.Arbitrary<FuzzBody> {
  const base = schema ? valueFor(schema, doc) : fc.jsonValue({ maxDepth: 2 });
  const props = schema ? Object.keys((resolve(schema, doc).properties ?? {}) as object) : [];
  const json = 'application/json';
  const field = props.length > 0 ? fc.constantFrom(...props) : fc.constant('x');
  return fc.oneof(
    base.map((v) => ({ text: JSON.stringify(v) ?? 'null', contentType: json, label: 'shape' })),
    fc.tuple(base, field, hostileValue).map(([v, k, bad]) => ({ text: withField(v, k, bad), contentType: json, label: `field ${k}` })),
    hostileValue.map((bad) => ({ text: bad, contentType: json, label: 'whole body' })),
    fc.tuple(base, fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([v, k]) => ({ text: withField(v, k, '{"polluted":true}'), contentType: json, label: `key ${k}` })),
    fc.tuple(base, fc.double({ min: 0, max: 1, noNaN: true })).map(([v, cut]) => {
      const text = JSON.stringify(v) ?? 'null';
      return { text: text.slice(0, Math.floor(text.length * cut)), contentType: json, label: 'truncated' };
    }),
    fc.tuple(base, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonx')).map(([v, contentType]) => ({ text: JSON.stringify(v) ?? 'null', contentType, label: contentType })),
  );
}

/** `value` (made an object if it is not) with `key` set to the raw JSON text `raw`. */
function withField(value: unknown, key: string, raw: string): string {
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  delete object[key];
  const rest = JSON.stringify(object).slice(1, -1);
  return `{${rest}${rest ? ',' : ''}${JSON.stringify(key)}:${raw}}`;
}
