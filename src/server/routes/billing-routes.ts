import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountViewSchema,
  API_ERRORS,
  BODY_ERRORS,
  BudgetRequestSchema,
  errorResponses,
  LedgerEntryViewSchema,
  OrgParamsSchema,
  TopUpRequestSchema,
  UsageQuerySchema,
  UsageViewSchema,
} from '../../api-schemas/index.ts';
import { usageCsv, usageReport, type Ledger } from '../../billing/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { Store } from '../../store/index.ts';
import { toLedgerView } from '../money-view.ts';

const DEFAULT_RANGE_MS = 30 * 86_400_000; // 30 days

export interface BillingRoutesDeps {
  ledger: Ledger;
  /** Usage reads sessions, their costs and the ledger. */
  store: Store;
}

const tags = ['billing'];
const ORG_ERRORS = [...API_ERRORS, 'ORG_NOT_FOUND'] as const;

const getAccount = { tags, summary: "The organisation's credit balance, monthly spend and budget", params: OrgParamsSchema, response: { 200: AccountViewSchema, ...errorResponses(...ORG_ERRORS) } };
const topUp = {
  tags,
  summary: 'Add credits (installation admins)',
  params: OrgParamsSchema,
  body: TopUpRequestSchema,
  response: { 200: AccountViewSchema.describe('the account after the top-up'), ...errorResponses(...ORG_ERRORS, ...BODY_ERRORS, 'INVALID_AMOUNT') },
};
const setBudget = {
  tags,
  summary: 'Set the monthly budget: a soft limit (alert) and a hard limit (refusal)',
  params: OrgParamsSchema,
  body: BudgetRequestSchema,
  response: { 200: AccountViewSchema.describe('the account with its new budget'), ...errorResponses(...ORG_ERRORS, ...BODY_ERRORS) },
};
const usage = {
  tags,
  summary: 'Spend in a time range: sessions, compute, generation (by model, with tokens), functions, credit movements',
  params: OrgParamsSchema,
  querystring: UsageQuerySchema,
  response: { 200: UsageViewSchema, ...errorResponses(...ORG_ERRORS, 'INVALID_REQUEST') },
};
const usageAsCsv = {
  tags,
  summary: 'The usage groups as CSV',
  params: OrgParamsSchema,
  querystring: UsageQuerySchema,
  response: { 200: { description: 'text/csv, one line per group', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(...ORG_ERRORS, 'INVALID_REQUEST') },
};
const ledger = {
  tags,
  summary: 'Ledger entries (newest first)',
  params: OrgParamsSchema,
  querystring: UsageQuerySchema.omit({ groupBy: true }),
  response: { 200: z.object({ entries: z.array(LedgerEntryViewSchema) }), ...errorResponses(...ORG_ERRORS, 'INVALID_REQUEST') },
};

function range(query: { from?: string | undefined; to?: string | undefined }): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from >= to) throw new SpawnError('INVALID_REQUEST', '`from` must be before `to`');
  return { from, to };
}

/** Credits, budgets, usage and the ledger of an organisation. */
export const billingRoutes: FastifyPluginAsyncZod<BillingRoutesDeps> = async (app, { ledger: book, store }) => {
  app.get('/api/orgs/:id/billing', { schema: getAccount, config: { permission: 'org:read', orgParam: 'id' } }, async (request) => {
    return book.status(request.params.id);
  });

  app.post('/api/orgs/:id/credits', { schema: topUp, config: { permission: 'installation:admin', orgParam: 'id' } }, async (request) => {
    return book.topUp(request.params.id, request.body.amountUsd, request.body.note ?? null, request.ownerId);
  });

  app.put('/api/orgs/:id/budget', { schema: setBudget, config: { permission: 'org:admin', orgParam: 'id' } }, async (request) => {
    return book.setBudget(request.params.id, request.body);
  });

  app.get('/api/orgs/:id/usage', { schema: usage, config: { permission: 'org:admin', orgParam: 'id' } }, async (request) => {
    const report = await usageReport(store, request.params.id, range(request.query), request.query.groupBy);
    return { ...report, from: report.from.toISOString(), to: report.to.toISOString(), account: await book.status(request.params.id), ledger: report.ledger.slice(0, 500).map(toLedgerView) };
  });

  app.get('/api/orgs/:id/usage.csv', { schema: usageAsCsv, config: { permission: 'org:admin', orgParam: 'id' } }, async (request, reply) => {
    const report = await usageReport(store, request.params.id, range(request.query), request.query.groupBy);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="usage-${request.params.id.replace(/[^\w.-]/g, '_')}.csv"`).send(usageCsv(report));
  });

  app.get('/api/orgs/:id/ledger', { schema: ledger, config: { permission: 'org:admin', orgParam: 'id' } }, async (request) => {
    return { entries: (await book.entries(request.params.id, { ...range(request.query), limit: 1000 })).map(toLedgerView) };
  });
};
