import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/index.ts';
import type { AuditLog } from '../teams/index.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The id of what the request created, read from its answer (for the audit log). */
    createdId?: string;
    /** The organisation the audit entry belongs to, when the handler knows better (an accepted invitation's). */
    auditOrgId?: string;
  }
}

/** `POST /api/orgs/:id/api-keys` → `orgs.api-keys.create`; the route's own `action` wins. */
export function actionName(method: string, url: string, explicit?: string): string {
  if (explicit) return explicit;
  const parts = url.replace(/^\/api\//, '').split('/').filter((p) => p && !p.startsWith(':'));
  const verb = method === 'POST' ? (parts.length > 1 ? '' : 'create') : method === 'DELETE' ? 'delete' : 'update';
  return [...parts, verb].filter(Boolean).join('.');
}

export interface AuditHookDeps {
  audit: AuditLog;
  store: Pick<Store, 'ownership'>;
  logger: FastifyBaseLogger;
}

/**
 * Every mutation of the API is appended to the audit log (allowed, refused or failed), and a
 * created record gets its creator. The creator is written before the answer leaves, so a
 * member's next request on it already counts as theirs.
 */
export function installAuditHook(app: FastifyInstance, deps: AuditHookDeps): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const config = request.routeOptions.config;
    if (READS.has(request.method) || !config?.permission || reply.statusCode >= 300) return payload;
    const id = typeof payload === 'string' ? idOf(payload) : undefined;
    if (id) request.createdId = id;
    if (id && config.creates && request.principal) await deps.store.ownership.setCreator(config.creates, id, request.principal.orgId, request.principal.userId);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const config = request.routeOptions.config;
    if (READS.has(request.method) || !config?.permission || config.permission === 'public') return;
    await deps.audit.record(auditEvent(request, reply)).catch((err: unknown) => deps.logger.error({ err }, 'audit log append failed'));
  });
}

function auditEvent(request: FastifyRequest, reply: FastifyReply): Parameters<AuditLog['record']>[0] {
  const config = request.routeOptions.config;
  const params = (request.params ?? {}) as Record<string, string>;
  const status = reply.statusCode;
  const orgId = request.auditOrgId ?? (config.orgParam ? (params[config.orgParam] ?? null) : undefined);
  return {
    principal: request.principal ?? undefined,
    ...(orgId !== undefined ? { orgId } : {}),
    action: actionName(request.method, request.routeOptions.url ?? request.url, config.action),
    target: request.createdId ?? params.userId ?? params.keyId ?? params.id ?? null,
    result: status < 400 ? 'ok' : status === 401 || status === 403 ? 'denied' : 'failed',
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    details: { status, method: request.method, path: request.routeOptions.url ?? null },
  };
}

function idOf(payload: string): string | undefined {
  if (!payload.startsWith('{')) return undefined;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
