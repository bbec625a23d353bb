import { z } from 'zod';
import { sandboxEndpointSchema, type SandboxEndpoint } from '../runtime/index.ts';

/**
 * An app behind its worker's app gateway: API nodes on other hosts send its requests to `url`;
 * the worker itself (and its gateway) reach it at `local`.
 */
const gatewayEndpointSchema = z.strictObject({ kind: z.literal('gateway'), url: z.url(), local: sandboxEndpointSchema });

/** What a sandbox record's `endpoint` holds: how the proxy reaches the app. */
export const recordedEndpointSchema = z.discriminatedUnion('kind', [...sandboxEndpointSchema.options, gatewayEndpointSchema]);
export type RecordedEndpoint = z.infer<typeof recordedEndpointSchema>;

/** Rows written before endpoints had a `kind`: `{socketPath}` or `{host, port}`, maybe with `gateway`. */
const legacyEndpointSchema = z
  .union([z.object({ socketPath: z.string().min(1) }), z.object({ host: z.string().min(1), port: z.coerce.number().int().min(1).max(65_535) })])
  .and(z.object({ gateway: z.url().optional() }))
  .transform((old): RecordedEndpoint => {
    const local: SandboxEndpoint = 'socketPath' in old ? { kind: 'socket', socketPath: old.socketPath } : { kind: 'tcp', host: old.host, port: old.port };
    return old.gateway ? { kind: 'gateway', url: old.gateway, local } : local;
  });

const storedEndpointSchema = z.union([recordedEndpointSchema, legacyEndpointSchema]);

/** Reads a stored endpoint in either shape; null when there is none or it is not one (never routed). */
export function parseRecordedEndpoint(value: unknown): RecordedEndpoint | null {
  if (value === null || value === undefined) return null;
  const parsed = storedEndpointSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The record of a started app: behind the worker's gateway when it has one. Validated before it is written. */
export function recordEndpoint(endpoint: SandboxEndpoint, gatewayUrl: string | undefined): RecordedEndpoint {
  return recordedEndpointSchema.parse(gatewayUrl ? { kind: 'gateway', url: gatewayUrl, local: endpoint } : endpoint);
}

/** Where the app is reached from its own worker's host. */
export function localEndpoint(endpoint: RecordedEndpoint): SandboxEndpoint {
  return endpoint.kind === 'gateway' ? endpoint.local : endpoint;
}
