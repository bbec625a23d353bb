import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ERRORS, AuditPageSchema, AuditQuerySchema, errorResponses, OrgParamsSchema } from '../../api-schemas/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { AuditQuery } from '../../store/index.ts';
import { auditCsv, type AuditLog } from '../../teams/index.ts';
import { toAuditView } from '../team-views.ts';

export interface AuditRoutesDeps {
  audit: AuditLog;
}

const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;
const CSV_MAX = 10_000;
const tags = ['organisations'];

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new SpawnError('INVALID_REQUEST', `${name} is not a date (use ISO 8601, e.g. 2026-01-02T03:04:05Z)`);
  return d;
}

function query(q: z.infer<typeof AuditQuerySchema>, limit: number): AuditQuery {
  let before: AuditQuery['before'];
  if (q.cursor) {
    const [ms, id] = Buffer.from(q.cursor, 'base64url').toString().split('.');
    if (!ms || !id || !/^\d+$/.test(ms)) throw new SpawnError('INVALID_REQUEST', 'cursor is not valid');
    before = { at: new Date(Number(ms)), id };
  }
  const since = date(q.since, 'since');
  const until = date(q.until, 'until');
  return { limit, ...(q.actor ? { actor: q.actor } : {}), ...(q.action ? { action: q.action } : {}), ...(since ? { since } : {}), ...(until ? { until } : {}), ...(before ? { before } : {}) };
}

/** The organisation's audit log, newest first: a page of JSON, or all of it (up to 10 000) as CSV. */
export const auditRoutes: FastifyPluginAsyncZod<AuditRoutesDeps> = async (app, { audit }) => {
  app.get('/api/orgs/:id/audit', {
    schema: {
      tags,
      summary: 'Who did what: every mutation, allowed or not',
      params: OrgParamsSchema,
      querystring: AuditQuerySchema,
      response: { 200: AuditPageSchema, ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND', 'INVALID_REQUEST') },
    },
    config: { permission: 'audit:read', orgParam: 'id' },
  }, async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit ?? PAGE_DEFAULT) || PAGE_DEFAULT, 1), PAGE_MAX);
    const rows = await audit.list(request.params.id, query(request.query, limit + 1));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { entries: page.map(toAuditView), nextCursor: rows.length > limit && last ? Buffer.from(`${last.at.getTime()}.${last.id}`).toString('base64url') : null };
  });

  app.get('/api/orgs/:id/audit.csv', {
    schema: {
      tags,
      summary: 'The audit log as CSV (same filters)',
      params: OrgParamsSchema,
      querystring: AuditQuerySchema,
      response: { 200: { description: 'CSV, newest first', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(...API_ERRORS, 'ORG_NOT_FOUND', 'INVALID_REQUEST') },
    },
    config: { permission: 'audit:read', orgParam: 'id' },
  }, async (request, reply) => {
    const rows = await audit.list(request.params.id, query(request.query, CSV_MAX));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="audit-${request.params.id}.csv"`).send(auditCsv(rows));
  });
};
