import { z } from 'zod';

/** A sandbox reached through a Unix socket on the worker's host (bubblewrap's socket forwarder). */
export const socketEndpointSchema = z.strictObject({ kind: z.literal('socket'), socketPath: z.string().min(1) });
/** A sandbox reached on a TCP address from the worker's host (a container address, or loopback). */
export const tcpEndpointSchema = z.strictObject({ kind: z.literal('tcp'), host: z.string().min(1), port: z.number().int().min(1).max(65_535) });

/** How a started sandbox server is reached from its worker's host; drivers return one. */
export const sandboxEndpointSchema = z.discriminatedUnion('kind', [socketEndpointSchema, tcpEndpointSchema]);
export type SandboxEndpoint = z.infer<typeof sandboxEndpointSchema>;

/** The `node:http`/`node:net` connection options that reach the endpoint. */
export function connectOptions(endpoint: SandboxEndpoint): { socketPath: string } | { host: string; port: number } {
  return endpoint.kind === 'socket' ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port };
}
