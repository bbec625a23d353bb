import { z } from 'zod';
import { idText, isoDate } from './common-schemas.ts';
import { OrgParamsSchema } from './org-schemas.ts';

/** Ledger amounts are whole micro-dollars in a double: a billion dollars keeps them exact (< 2^53). */
const MAX_USD = 1e9;

// Ids are printable ASCII (idText): PostgreSQL refuses a NUL in text and a header (the CSV's file
// name) refuses what is not Latin-1, either of which would otherwise be a 500.
export const WebhookParamsSchema = OrgParamsSchema.extend({ wid: idText(100) });
export const DeliveryParamsSchema = WebhookParamsSchema.extend({ did: idText(100) });

export const AccountViewSchema = z.object({
  orgId: z.string(),
  creditsLimited: z.boolean().meta({ description: 'false: no credit limit (SPAWN_DEFAULT_CREDITS_USD unset and never topped up)' }),
  balanceUsd: z.number(),
  monthSpendUsd: z.number().meta({ description: 'charges this UTC month plus reservations still open' }),
  budgetSoftUsd: z.number().nullable(),
  budgetHardUsd: z.number().nullable(),
  refusal: z.object({ code: z.enum(['CREDITS_EXHAUSTED', 'BUDGET_EXCEEDED']), message: z.string() }).nullable().meta({ description: 'why new sessions, extends and executions are refused (null: they are not)' }),
});

export const TopUpRequestSchema = z.strictObject({
  amountUsd: z.number().min(-MAX_USD).max(MAX_USD).refine((n) => Number.isFinite(n) && n !== 0, 'a non-zero number of dollars').meta({ description: 'dollars to add (negative corrects a mistake), at most a billion either way' }),
  note: z.string().max(500).optional(),
});

export const BudgetRequestSchema = z.strictObject({
  softLimitUsd: z.number().positive().max(MAX_USD).nullable().meta({ description: 'monthly spend that raises an alert (null: none)' }),
  hardLimitUsd: z.number().positive().max(MAX_USD).nullable().meta({ description: 'monthly spend past which new sessions, extends and executions are refused (null: none)' }),
});

export const LedgerEntryViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['grant', 'topup', 'reserve', 'release', 'charge', 'function']),
  amountUsd: z.number().meta({ description: 'signed: + adds to the balance, − takes from it' }),
  sessionId: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: isoDate(),
});

export const UsageQuerySchema = z.object({
  from: z.string().datetime({ offset: true }).optional().meta({ description: 'start (inclusive, ISO 8601); default: 30 days before `to`' }),
  to: z.string().datetime({ offset: true }).optional().meta({ description: 'end (exclusive); default: now' }),
  groupBy: z.enum(['day', 'user', 'model', 'appType']).default('day'),
});

const FiguresSchema = z.object({
  sessions: z.number(),
  computeUsd: z.number(),
  generationUsd: z.number(),
  functionUsd: z.number(),
  totalUsd: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
});

export const UsageViewSchema = z.object({
  orgId: z.string(),
  from: isoDate(),
  to: isoDate(),
  groupBy: z.enum(['day', 'user', 'model', 'appType']),
  totals: FiguresSchema,
  groups: z.array(FiguresSchema.extend({ key: z.string() })),
  models: z.array(z.object({ model: z.string(), usd: z.number(), inputTokens: z.number(), outputTokens: z.number(), calls: z.number() })),
  account: AccountViewSchema,
  ledger: z.array(LedgerEntryViewSchema).meta({ description: 'credit movements in the range, newest first' }),
});

export const WebhookFormatSchema = z.enum(['json', 'slack', 'discord']);

export const CreateWebhookRequestSchema = z.strictObject({
  url: z.string().min(1).max(2000),
  events: z.array(z.string().min(1).max(64)).min(1).max(32).meta({ description: 'event names (session.running, alert.cost_overrun …) or `*` for all' }),
  format: WebhookFormatSchema.default('json'),
});

export const WebhookViewSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  format: WebhookFormatSchema,
  createdAt: isoDate(),
});

export const CreatedWebhookSchema = WebhookViewSchema.extend({
  secret: z.string().meta({ description: 'the signing secret: shown this once, never again' }),
});

export const WebhookListSchema = z.object({ webhooks: z.array(WebhookViewSchema) });

export const DeliveryViewSchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  createdAt: isoDate(),
  updatedAt: isoDate(),
  payload: z.record(z.string(), z.unknown()),
  attemptLog: z.array(z.object({ at: isoDate(), statusCode: z.number().nullable(), durationMs: z.number(), error: z.string().nullable() })),
});

export const DeliveryListSchema = z.object({ deliveries: z.array(DeliveryViewSchema) });

export const AlertListSchema = z.object({
  alerts: z.array(z.object({ id: z.string(), rule: z.string(), subject: z.string(), data: z.record(z.string(), z.unknown()), openedAt: isoDate(), closedAt: isoDate().nullable() })),
});

