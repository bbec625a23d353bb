import { z } from 'zod';

/** The alert rules (issue 16); each is on unless listed in SPAWN_ALERTS_OFF. */
export const ALERT_RULES = [
  'cost_overrun',
  'app_unhealthy',
  'queue_backlog',
  'worker_lost',
  'memory_floor',
  'budget_80',
  'budget_100',
  'credits_exhausted',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** `OTEL_EXPORTER_OTLP_PROTOCOL` values SpawnAI can send: OTLP over HTTP only (no gRPC client is shipped). */
export const OTLP_PROTOCOLS = ['http/json', 'http/protobuf'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

/**
 * Credits, budgets, alerts, webhooks and traces. Parsed apart from the main schema so the money
 * settings stay in one small file; `loadConfig` calls it with the same cleaned environment.
 */
const moneySchema = z.object({
  SPAWN_DEFAULT_CREDITS_USD: z.coerce.number().min(0).optional(),
  SPAWN_ADMINS: z.string().default(''),
  SPAWN_ALERTS_OFF: z.string().default(''),
  SPAWN_ALERT_COST_OVERRUN_PERCENT: z.coerce.number().positive().default(150),
  SPAWN_ALERT_BACKLOG_JOBS: z.coerce.number().int().min(1).default(50),
  SPAWN_ALERT_BACKLOG_SECONDS: z.coerce.number().positive().default(120),
  SPAWN_WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1', 'true', 'false']).default('false'),
  SPAWN_WEBHOOK_RETRY_HOURS: z.coerce.number().positive().max(168).default(24),
  SPAWN_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(10),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('spawnai'),
  OTEL_EXPORTER_OTLP_PROTOCOL: z
    .enum(OTLP_PROTOCOLS, { error: () => `must be ${OTLP_PROTOCOLS.join(' or ')}: traces go over OTLP/HTTP only (grpc is not supported; point OTEL_EXPORTER_OTLP_ENDPOINT at the collector's HTTP port, usually 4318)` })
    .default('http/json'),
});

export type MoneyEnv = z.input<typeof moneySchema>;

export interface MoneyConfig {
  /** Credits a new organisation starts with; null: no credit limit (a self-hosted default). */
  readonly defaultCreditsUsd: number | null;
  /** Owner ids that administer the installation (top up credits); the local owner always does. */
  readonly admins: readonly string[];
  readonly alerts: {
    readonly off: readonly AlertRule[];
    /** A session's actual cost above this percentage of its estimate raises `cost_overrun`. */
    readonly costOverrunPercent: number;
    readonly backlogJobs: number;
    readonly backlogSeconds: number;
  };
  readonly webhooks: {
    /** Lets webhook URLs point at loopback, private and link-local addresses (tests, lab setups). */
    readonly allowPrivate: boolean;
    readonly retryHours: number;
    readonly timeoutMs: number;
  };
  /** OTLP/HTTP base URL; traces are off when unset. */
  readonly otlpEndpoint: string | undefined;
  /** `service.name` of the spans this node sends. */
  readonly otelServiceName: string;
  /** How spans are encoded on the wire (`http/json` unless OTEL_EXPORTER_OTLP_PROTOCOL says otherwise). */
  readonly otlpProtocol: OtlpProtocol;
}

export function loadMoneyConfig(env: Record<string, string>): { config: MoneyConfig } | { error: string } {
  const parsed = moneySchema.safeParse(env);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const e = parsed.data;
  const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);
  const off = list(e.SPAWN_ALERTS_OFF);
  const unknown = off.filter((rule) => !(ALERT_RULES as readonly string[]).includes(rule));
  if (unknown.length > 0) return { error: `SPAWN_ALERTS_OFF: unknown rule(s) ${unknown.join(', ')}; rules are ${ALERT_RULES.join(', ')}` };
  return {
    config: {
      defaultCreditsUsd: e.SPAWN_DEFAULT_CREDITS_USD ?? null,
      admins: list(e.SPAWN_ADMINS),
      alerts: {
        off: off as AlertRule[],
        costOverrunPercent: e.SPAWN_ALERT_COST_OVERRUN_PERCENT,
        backlogJobs: e.SPAWN_ALERT_BACKLOG_JOBS,
        backlogSeconds: e.SPAWN_ALERT_BACKLOG_SECONDS,
      },
      webhooks: {
        allowPrivate: e.SPAWN_WEBHOOK_ALLOW_PRIVATE === '1' || e.SPAWN_WEBHOOK_ALLOW_PRIVATE === 'true',
        retryHours: e.SPAWN_WEBHOOK_RETRY_HOURS,
        timeoutMs: e.SPAWN_WEBHOOK_TIMEOUT_SECONDS * 1000,
      },
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      otelServiceName: e.OTEL_SERVICE_NAME,
      otlpProtocol: e.OTEL_EXPORTER_OTLP_PROTOCOL,
    },
  };
}
