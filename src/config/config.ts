import { existsSync } from 'node:fs';
import os from 'node:os';
import { isIP, isIPv4 } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { loadMoneyConfig, type MoneyConfig, type MoneyEnv } from './money-config.ts';
import { DEFAULT_PRICING, type Pricing } from './pricing.ts';

export const RUNTIMES = ['auto', 'process', 'docker'] as const;
export type RuntimeChoice = (typeof RUNTIMES)[number];

/** JSON nesting the platform's own walks stay well within (zod's converter and JSON.stringify recurse). */
export const MAX_JSON_DEPTH_CEILING = 512;

/** Environment variables read by SpawnAI; each is documented in the README's configuration table. */
const MB = 1024 * 1024;

const envSchema = z.object({
  SPAWN_HOST: z.string().default('127.0.0.1'),
  SPAWN_PORT: z.coerce.number().int().min(0).max(65535).default(7070),
  SPAWN_DATA_DIR: z.string().default('./.spawnai'),
  SPAWN_APPS_DOMAIN: z.string().default('localhost'),
  SPAWN_PUBLIC_URL: z.string().url().optional(),
  SPAWN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  SPAWN_REDIS_NAMESPACE: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only').default('main'),
  SPAWN_JOB_LOCK_SECONDS: z.coerce.number().int().min(1).default(30),
  SPAWN_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(20),
  SPAWN_RUNTIME: z.enum(RUNTIMES).default('auto'),
  SPAWN_SANDBOX_NETWORK: z.enum(['none', 'outbound']).default('none'),
  SPAWN_SANDBOX_MEMORY_MB: z.coerce.number().int().min(32).default(1024),
  SPAWN_SANDBOX_CPUS: z.coerce.number().positive().default(0.5),
  SPAWN_SANDBOX_PIDS: z.coerce.number().int().min(8).default(256),
  SPAWN_SCRIPT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(60),
  SPAWN_APP_START_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(20),
  SPAWN_POOL_SIZE: z.coerce.number().int().min(0).default(2),
  SPAWN_POOL_SIZE_MAX: z.coerce.number().int().min(0).optional(),
  SPAWN_HEALTH_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
  SPAWN_HEALTH_GRACE_SECONDS: z.coerce.number().min(0).default(60),
  SPAWN_IDLE_PAUSE_SECONDS: z.coerce.number().min(0).default(600),
  SPAWN_MIN_FREE_MEMORY_MB: z.coerce.number().int().min(0).optional(),
  SPAWN_GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SPAWN_GATEWAY_HOST: z.string().default('0.0.0.0'),
  SPAWN_GATEWAY_URL: z.string().url().optional(),
  SPAWN_CLUSTER_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  SPAWN_REPAIR_ROUNDS: z.coerce.number().int().min(0).max(10).default(1),
  SPAWN_MODEL_ROUTING: z.enum(['off', 'auto']).default('off'),
  SPAWN_VERIFY: z.enum(['browser', 'http', 'off']).optional(),
  SPAWN_CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  SPAWN_MAX_PROMPT_CHARS: z.coerce.number().int().min(1).default(2000),
  SPAWN_DEFAULT_TTL_SECONDS: z.coerce.number().int().min(1).default(7200),
  SPAWN_MIN_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
  SPAWN_MAX_TTL_SECONDS: z.coerce.number().int().min(1).default(259_200),
  SPAWN_MAX_ACTIVE_SESSIONS: z.coerce.number().int().min(1).default(3),
  SPAWN_MAX_NEW_SESSIONS: z.coerce.number().int().min(1).default(5),
  SPAWN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  SPAWN_MAX_FUNCTION_CONCURRENCY: z.coerce.number().int().min(1).default(16),
  SPAWN_WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(4),
  SPAWN_RECONCILE_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
  SPAWN_STUCK_AFTER_SECONDS: z.coerce.number().int().min(5).default(600),
  SPAWN_DEFAULT_TIER: z.string().default('s-1vcpu-1gb'),
  SPAWN_PRICING_JSON: z.string().optional(),
  SPAWN_AUTH: z.enum(['auto', 'required']).default('auto'),
  SPAWN_OIDC_ISSUER: z.string().url().optional(),
  SPAWN_OIDC_CLIENT_ID: z.string().optional(),
  SPAWN_OIDC_CLIENT_SECRET: z.string().optional(),
  SPAWN_OIDC_ALLOWED_DOMAINS: z.string().default(''),
  SPAWN_OIDC_ALLOWED_GROUPS: z.string().default(''),
  SPAWN_OIDC_GROUPS_CLAIM: z.string().default('groups'),
  SPAWN_OIDC_SCOPES: z.string().default('openid email profile'),
  SPAWN_SESSION_IDLE_SECONDS: z.coerce.number().int().min(60).default(86_400),
  SPAWN_SESSION_MAX_SECONDS: z.coerce.number().int().min(60).default(604_800),
  SPAWN_FUNCTION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  SPAWN_FUNCTION_MEMORY_MB: z.coerce.number().int().min(32).default(256),
  SPAWN_FUNCTION_WARM_MAX: z.coerce.number().int().min(0).default(8),
  SPAWN_FUNCTION_WARM_MEMORY_MB: z.coerce.number().int().min(0).default(2048),
  SPAWN_FUNCTION_WARM_IDLE_SECONDS: z.coerce.number().int().min(1).default(600),
  SPAWN_FUNCTION_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(3600),
  SPAWN_FUNCTION_OUTPUT_MAX_BYTES: z.coerce.number().int().min(1024).default(65_536),
  SPAWN_TASK_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(2),
  SPAWN_STUDY_MAX_RUNS: z.coerce.number().int().min(1).default(1000),
  SPAWN_FILE_MAX_MB: z.coerce.number().positive().max(1024).default(10),
  SPAWN_FILE_QUOTA_MB: z.coerce.number().positive().default(1024),
  SPAWN_FUNCTION_OUTPUT_FILES_MAX: z.coerce.number().int().min(0).max(1000).default(20),
  SPAWN_FUNCTION_OUTPUT_FILES_MAX_MB: z.coerce.number().positive().max(1024).default(16),
  SPAWN_CACHE: z.enum(['on', 'off']).default('on'),
  SPAWN_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(86_400),
  SPAWN_GENERATION_BUDGET_USD: z.coerce.number().positive().optional(),
  SPAWN_GENERATION_BUDGET_TOKENS: z.coerce.number().int().min(1).optional(),
  // Functions' Python on the `process` runtime and per-function requirement layers (issue 17).
  SPAWN_FUNCTION_PYTHON: z.string().optional(),
  SPAWN_PIP_INDEX_URL: z.string().url().default('https://pypi.org/simple'),
  SPAWN_NPM_REGISTRY: z.string().url().default('https://registry.npmjs.org/'),
  SPAWN_LAYER_TTL_DAYS: z.coerce.number().min(0).default(30),
  SPAWN_LAYER_BUILD_TIMEOUT_SECONDS: z.coerce.number().int().min(10).default(600),
  SPAWN_INSTALLER_SANDBOX: z.enum(['bwrap', 'none']).default('bwrap'),
  SPAWN_INSTALLER_BWRAP: z.string().min(1).optional(),
  SPAWN_INSTALLER_ALLOWED_HOSTS: z
    .string()
    .regex(/^\s*([^\s,:]+:\d+\s*(,\s*|$))*$/, 'a comma-separated list of host:port')
    .optional(),
  SPAWN_MAX_JSON_DEPTH: z.coerce.number().int().min(1).max(MAX_JSON_DEPTH_CEILING).default(64),
  SPAWN_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  SPAWN_HANDLER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  SPAWN_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).default(256),
  SPAWN_DEFAULT_REGION: z.string().regex(/^[a-z0-9-]+$/, 'a region slug such as fra1').default('local'),
  SPAWN_REGIONS: z.string().optional(),
  SPAWN_REGION: z.string().regex(/^[a-z0-9-]+$/).optional(),
  DIGITALOCEAN_TOKEN: z.string().optional(),
  SPAWN_FLEET_API_URL: z.string().url().default('https://api.digitalocean.com'),
  SPAWN_FLEET_MIN: z.coerce.number().int().min(0).default(0),
  SPAWN_FLEET_MAX: z.coerce.number().int().min(0).default(5),
  SPAWN_FLEET_SIZE: z.string().default('s-2vcpu-4gb'),
  SPAWN_FLEET_IMAGE: z.string().default('debian-12-x64'),
  SPAWN_FLEET_MEMORY_FLOOR_MB: z.coerce.number().int().min(0).default(768),
  SPAWN_FLEET_SCALE_UP_AFTER_SECONDS: z.coerce.number().min(0).default(20),
  SPAWN_FLEET_COOLDOWN_SECONDS: z.coerce.number().min(0).default(600),
  SPAWN_FLEET_INTERVAL_SECONDS: z.coerce.number().positive().default(15),
  SPAWN_FLEET_JOIN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(600),
  SPAWN_FLEET_DRAIN_MAX_SECONDS: z.coerce.number().min(0).default(3600),
  SPAWN_FLEET_HOST_MAX_HOURS: z.coerce.number().positive().default(96),
  SPAWN_FLEET_JOIN_URL: z.string().url().optional(),
  SPAWN_FLEET_GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(7071),
  SPAWN_FLEET_SSH_SOURCES: z.string().default(''),
  SPAWN_FLEET_INSTALL_COMMAND: z.string().default('npm install --global spawnai'),
  SPAWN_JOIN_URL: z.string().url().optional(),
  SPAWN_JOIN_TOKEN: z.string().optional(),
  SPAWN_FLEET_HOST_ID: z.string().optional(),
  SPAWN_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(isAddressOrCidr), 'a comma-separated list of IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8'),
});

/** `10.0.0.1`, `::1`, `10.0.0.0/8`, `fd00::/8`: what proxy-addr (Fastify's trustProxy) accepts. */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

export type SpawnEnv = z.input<typeof envSchema> & MoneyEnv;

export interface SpawnConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly appsDomain: string;
  /** Base URL users reach the server at; app URLs are built from its scheme and port. */
  readonly publicUrl: string | undefined;
  readonly logLevel: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** Keeps several installations apart on one Redis (queue keys and event channels). */
  readonly redisNamespace: string;
  /** How long a worker holds a job without renewing before another may take it over. */
  readonly jobLockMs: number;
  /**
   * On SIGTERM: how long in-flight requests (API node) and active jobs (worker) may take to
   * finish before they are cut (requests) or handed back to the queue (jobs).
   */
  readonly shutdownGraceMs: number;
  readonly runtime: RuntimeChoice;
  readonly sandbox: {
    readonly network: 'none' | 'outbound';
    readonly memoryMb: number;
    readonly cpus: number;
    readonly pids: number;
    readonly scriptTimeoutSeconds: number;
    readonly appStartTimeoutSeconds: number;
    /** Warm sandboxes kept per tier at least (both runtimes; 0 with poolSizeMax 0 disables the pool). */
    readonly poolSize: number;
    /** Demand (claims in the last 10 s) may grow a tier's pool up to this. */
    readonly poolSizeMax: number;
    /** Health check period of running api apps, and how long a restarted app may stay unhealthy. */
    readonly healthIntervalSeconds: number;
    readonly healthGraceSeconds: number;
    /** An api app with no request for this long is paused (scale-to-zero); 0 disables. */
    readonly idlePauseSeconds: number;
    /**
     * A worker starts no new sandbox while the host has less memory available than this (MiB):
     * the session fails with HOST_CAPACITY_EXHAUSTED instead of the kernel's OOM killer choosing
     * a victim (the control plane included). 0 disables the check.
     */
    readonly minFreeMemoryMb: number;
  };
  /**
   * The worker's app gateway: where API nodes on other hosts reach this worker's api apps (whose
   * sandbox addresses are local to this host). Null when off (API nodes share the worker's host).
   */
  readonly gateway: { readonly port: number; readonly host: string; readonly url: string } | null;
  /** Shared by API nodes and gateways: a gateway serves only requests that carry it. */
  readonly clusterSecret: string | undefined;
  readonly maxPromptChars: number;
  /** Rounds of "here are the errors, fix them" sent back to the model before a session fails. */
  readonly repairRounds: number;
  /** `auto`: simple requests start at the chain's cheapest model, complex ones at its first (README "Model routing"). */
  readonly modelRouting: 'off' | 'auto';
  /**
   * How a deployed app is checked before its URL is handed out: `auto` (unset) is `browser` when
   * Chromium is found at `chromiumPath`, else `http` (resolved by the verify module at start-up).
   */
  readonly verify: { readonly mode: 'auto' | 'browser' | 'http' | 'off'; readonly chromiumPath: string };
  readonly ttl: { readonly defaultSeconds: number; readonly minSeconds: number; readonly maxSeconds: number };
  readonly limits: {
    readonly maxActiveSessions: number;
    readonly maxNewSessions: number;
    readonly rateWindowSeconds: number;
    /** Function calls queued or running at once per organisation (direct executions). */
    readonly maxFunctionConcurrency: number;
  };
  readonly workerConcurrency: number;
  readonly reconcileIntervalMs: number;
  readonly stuckAfterSeconds: number;
  readonly defaultTier: string;
  readonly pricing: Pricing;
  /** Credits, budgets, alerts, webhooks, traces (money-config.ts). */
  readonly money: MoneyConfig;
  /** `auto`: tokens required unless the server listens on loopback only; `required`: always. */
  readonly auth: 'auto' | 'required';
  /** OpenID Connect sign-in for the web UI and `spawnai login`; null when no provider is configured. */
  readonly oidc: OidcConfig | null;
  /** Browser sessions (the control plane's cookie): idle and absolute lifetimes. */
  readonly webSession: { readonly idleSeconds: number; readonly maxSeconds: number };
  /** Functions, tasks, workflows and studies (see the README's section). */
  readonly functions: {
    /** Default per-call limit; a function's own `timeoutSeconds` wins. */
    readonly timeoutSeconds: number;
    readonly memoryMb: number;
    /** Warm runtimes kept per worker, by count and by the sum of their memory limits. */
    readonly warmMax: number;
    readonly warmMemoryMb: number;
    readonly warmIdleSeconds: number;
    /** 0 disables the result cache. */
    readonly cacheTtlSeconds: number;
    /** stdout and stderr of one call are each cut at this many bytes. */
    readonly outputMaxBytes: number;
    /** Runs of a task whose worker died (1: fail it with a reason instead of retrying). */
    readonly taskAttempts: number;
    readonly studyMaxRuns: number;
  };
  /** Per-function requirement layers (src/functions/requirements) and the process runtime's Python. */
  readonly requirements: {
    /** Interpreter of Python functions on the process runtime, and of pip for layers. */
    readonly python: string;
    readonly pipIndexUrl: string;
    readonly npmRegistry: string;
    /** Layers no function used for this long are deleted (0: at the next sweep). */
    readonly layerTtlDays: number;
    readonly buildTimeoutSeconds: number;
    /** bwrap: pip and npm run in bubblewrap and reach only `allowedHosts`; none: unconfined (opt-out). */
    readonly installerSandbox: 'bwrap' | 'none';
    /** bubblewrap's path (null: `bwrap` on PATH, then /usr/bin, /bin). */
    readonly bwrap: string | null;
    /** host:port pairs the sandboxed installer may reach besides its runtime's index (where that links files). */
    readonly extraHosts: readonly string[];
  };
  /** Uploaded files (function inputs) and the files functions write under ./outputs/. */
  readonly files: {
    /** Largest upload, bytes. */
    readonly maxBytes: number;
    /** Bytes of files one organisation may store (uploads and outputs). */
    readonly quotaBytes: number;
    /** Output files one call may leave, and their total size in bytes. */
    readonly outputMaxFiles: number;
    readonly outputMaxBytes: number;
  };
  /** Prompt cache of LLM generations (database, or Redis when REDIS_URL is set). */
  readonly cache: { readonly enabled: boolean; readonly ttlSeconds: number };
  /** Per-generation limits passed to the LLM generator; unset means unlimited. */
  readonly generationBudget: { readonly maxGenerationUsd?: number; readonly maxGenerationTokens?: number };
  /** What one HTTP client may hold (see src/server/request-limits.ts and json-body.ts). */
  readonly http: {
    /** JSON bodies nesting deeper than this are refused with INPUT_TOO_DEEP. */
    readonly maxJsonDepth: number;
    /** Time to send the whole request (headers and body) before a 408 and a closed socket. */
    readonly requestTimeoutSeconds: number;
    /** Time from the complete request to the first byte of the answer (503 HANDLER_TIMEOUT). */
    readonly handlerTimeoutSeconds: number;
    /** Open connections one client address may hold; more are closed at once. */
    readonly maxConnectionsPerClient: number;
    /**
     * Addresses whose `X-Forwarded-For/-Proto/-Host` are believed (the reverse proxy in front);
     * from anyone else those headers are ignored. Empty: believed from nobody.
     */
    readonly trustedProxies: readonly string[];
  };
  /** Regions this installation serves; `region` of a session must be one of them. */
  readonly regions: { readonly default: string; readonly served: readonly string[]; readonly own: string };
  /** The elastic fleet (README "Elastic fleet"); `provider` null when no cloud is configured. */
  readonly fleet: FleetConfig;
}

export interface FleetConfig {
  readonly provider: { readonly name: 'digitalocean'; readonly token: string; readonly apiUrl: string } | null;
  readonly minPerRegion: number;
  readonly maxPerRegion: number;
  readonly size: string;
  readonly image: string;
  /** Memory of a host kept for its worker, the OS and the page cache (not for sandboxes). */
  readonly memoryFloorMb: number;
  readonly scaleUpAfterSeconds: number;
  readonly cooldownSeconds: number;
  readonly intervalMs: number;
  readonly joinTimeoutSeconds: number;
  readonly drainMaxSeconds: number;
  readonly hostMaxHours: number;
  /** Where new hosts exchange their join token (an API node, HTTPS in production). */
  readonly joinUrl: string | undefined;
  readonly gatewayPort: number;
  readonly sshSources: readonly string[];
  readonly installCommand: string;
  /** Set on a worker host that joined: its fleet host id (it heartbeats its capacity there). */
  readonly hostId: string | undefined;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  /** Email domains allowed to sign in (lower-case); empty: any. */
  readonly allowedDomains: readonly string[];
  /** Groups (from `groupsClaim`) of which a user must be in one; empty: any. */
  readonly allowedGroups: readonly string[];
  readonly groupsClaim: string;
  readonly scopes: string;
}

function commaList(value: string): string[] {
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

function oidcConfig(e: z.output<typeof envSchema>): OidcConfig | null {
  if (!e.SPAWN_OIDC_ISSUER) return null;
  if (!e.SPAWN_OIDC_CLIENT_ID) throw new ConfigError('invalid configuration: SPAWN_OIDC_ISSUER needs SPAWN_OIDC_CLIENT_ID (and usually SPAWN_OIDC_CLIENT_SECRET)');
  if (!e.SPAWN_PUBLIC_URL) throw new ConfigError('invalid configuration: SPAWN_OIDC_ISSUER needs SPAWN_PUBLIC_URL (the callback URL registered at the provider is <SPAWN_PUBLIC_URL>/auth/callback)');
  return {
    issuer: e.SPAWN_OIDC_ISSUER,
    clientId: e.SPAWN_OIDC_CLIENT_ID,
    clientSecret: e.SPAWN_OIDC_CLIENT_SECRET,
    allowedDomains: commaList(e.SPAWN_OIDC_ALLOWED_DOMAINS).map((d) => d.toLowerCase().replace(/^@/, '')),
    allowedGroups: commaList(e.SPAWN_OIDC_ALLOWED_GROUPS),
    groupsClaim: e.SPAWN_OIDC_GROUPS_CLAIM,
    scopes: e.SPAWN_OIDC_SCOPES,
  };
}

/** 5% of the host's memory, at least 256 MiB: room for the control plane and the page cache. */
function defaultMinFreeMemoryMb(): number {
  return Math.max(256, Math.round((os.totalmem() / 1024 / 1024) * 0.05));
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the configuration once, at the boundary; the result is frozen. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<SpawnEnv> = {}): SpawnConfig {
  const cleaned = Object.fromEntries(Object.entries({ ...env, ...overrides }).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  if (e.SPAWN_MIN_TTL_SECONDS > e.SPAWN_MAX_TTL_SECONDS) {
    throw new ConfigError('invalid configuration: SPAWN_MIN_TTL_SECONDS is larger than SPAWN_MAX_TTL_SECONDS');
  }
  if (e.SPAWN_GATEWAY_PORT !== undefined && (!e.SPAWN_GATEWAY_URL || !e.SPAWN_CLUSTER_SECRET)) {
    throw new ConfigError('invalid configuration: SPAWN_GATEWAY_PORT needs SPAWN_GATEWAY_URL (how API nodes reach this worker) and SPAWN_CLUSTER_SECRET (the same on every node)');
  }
  const defaultTtl = Math.min(Math.max(e.SPAWN_DEFAULT_TTL_SECONDS, e.SPAWN_MIN_TTL_SECONDS), e.SPAWN_MAX_TTL_SECONDS);
  const pricing = e.SPAWN_PRICING_JSON ? parsePricing(e.SPAWN_PRICING_JSON) : DEFAULT_PRICING;
  if (!pricing.tiers[e.SPAWN_DEFAULT_TIER]) {
    throw new ConfigError(`invalid configuration: SPAWN_DEFAULT_TIER "${e.SPAWN_DEFAULT_TIER}" is not in the price table`);
  }
  const served = (e.SPAWN_REGIONS ?? e.SPAWN_DEFAULT_REGION).split(',').map((r) => r.trim()).filter(Boolean);
  if (!served.includes(e.SPAWN_DEFAULT_REGION)) throw new ConfigError(`invalid configuration: SPAWN_DEFAULT_REGION "${e.SPAWN_DEFAULT_REGION}" is not in SPAWN_REGIONS (${served.join(', ')})`);
  if (e.SPAWN_FLEET_MIN > e.SPAWN_FLEET_MAX) throw new ConfigError('invalid configuration: SPAWN_FLEET_MIN is larger than SPAWN_FLEET_MAX');
  const money = loadMoneyConfig(cleaned as Record<string, string>);
  if ('error' in money) throw new ConfigError(`invalid configuration: ${money.error}`);
  const config: SpawnConfig = {
    host: e.SPAWN_HOST,
    port: e.SPAWN_PORT,
    dataDir: path.resolve(e.SPAWN_DATA_DIR),
    appsDomain: e.SPAWN_APPS_DOMAIN,
    publicUrl: e.SPAWN_PUBLIC_URL,
    logLevel: e.SPAWN_LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisNamespace: e.SPAWN_REDIS_NAMESPACE,
    jobLockMs: e.SPAWN_JOB_LOCK_SECONDS * 1000,
    shutdownGraceMs: e.SPAWN_SHUTDOWN_GRACE_SECONDS * 1000,
    runtime: e.SPAWN_RUNTIME,
    sandbox: {
      network: e.SPAWN_SANDBOX_NETWORK,
      memoryMb: e.SPAWN_SANDBOX_MEMORY_MB,
      cpus: e.SPAWN_SANDBOX_CPUS,
      pids: e.SPAWN_SANDBOX_PIDS,
      scriptTimeoutSeconds: e.SPAWN_SCRIPT_TIMEOUT_SECONDS,
      appStartTimeoutSeconds: e.SPAWN_APP_START_TIMEOUT_SECONDS,
      poolSize: e.SPAWN_POOL_SIZE,
      poolSizeMax: Math.max(e.SPAWN_POOL_SIZE, e.SPAWN_POOL_SIZE_MAX ?? (e.SPAWN_POOL_SIZE === 0 ? 0 : 64)),
      healthIntervalSeconds: e.SPAWN_HEALTH_INTERVAL_SECONDS,
      healthGraceSeconds: e.SPAWN_HEALTH_GRACE_SECONDS,
      idlePauseSeconds: e.SPAWN_IDLE_PAUSE_SECONDS,
      minFreeMemoryMb: e.SPAWN_MIN_FREE_MEMORY_MB ?? defaultMinFreeMemoryMb(),
    },
    gateway: e.SPAWN_GATEWAY_PORT !== undefined && e.SPAWN_GATEWAY_URL ? { port: e.SPAWN_GATEWAY_PORT, host: e.SPAWN_GATEWAY_HOST, url: e.SPAWN_GATEWAY_URL.replace(/\/$/, '') } : null,
    clusterSecret: e.SPAWN_CLUSTER_SECRET,
    maxPromptChars: e.SPAWN_MAX_PROMPT_CHARS,
    repairRounds: e.SPAWN_REPAIR_ROUNDS,
    modelRouting: e.SPAWN_MODEL_ROUTING,
    verify: { mode: e.SPAWN_VERIFY ?? 'auto', chromiumPath: e.SPAWN_CHROMIUM_PATH },
    ttl: { defaultSeconds: defaultTtl, minSeconds: e.SPAWN_MIN_TTL_SECONDS, maxSeconds: e.SPAWN_MAX_TTL_SECONDS },
    limits: {
      maxActiveSessions: e.SPAWN_MAX_ACTIVE_SESSIONS,
      maxNewSessions: e.SPAWN_MAX_NEW_SESSIONS,
      rateWindowSeconds: e.SPAWN_RATE_WINDOW_SECONDS,
      maxFunctionConcurrency: e.SPAWN_MAX_FUNCTION_CONCURRENCY,
    },
    workerConcurrency: e.SPAWN_WORKER_CONCURRENCY,
    reconcileIntervalMs: e.SPAWN_RECONCILE_INTERVAL_SECONDS * 1000,
    stuckAfterSeconds: e.SPAWN_STUCK_AFTER_SECONDS,
    defaultTier: e.SPAWN_DEFAULT_TIER,
    pricing,
    money: money.config,
    auth: e.SPAWN_AUTH,
    oidc: oidcConfig(e),
    webSession: { idleSeconds: e.SPAWN_SESSION_IDLE_SECONDS, maxSeconds: Math.max(e.SPAWN_SESSION_MAX_SECONDS, e.SPAWN_SESSION_IDLE_SECONDS) },
    functions: {
      timeoutSeconds: e.SPAWN_FUNCTION_TIMEOUT_SECONDS,
      memoryMb: e.SPAWN_FUNCTION_MEMORY_MB,
      warmMax: e.SPAWN_FUNCTION_WARM_MAX,
      warmMemoryMb: e.SPAWN_FUNCTION_WARM_MEMORY_MB,
      warmIdleSeconds: e.SPAWN_FUNCTION_WARM_IDLE_SECONDS,
      cacheTtlSeconds: e.SPAWN_FUNCTION_CACHE_TTL_SECONDS,
      outputMaxBytes: e.SPAWN_FUNCTION_OUTPUT_MAX_BYTES,
      taskAttempts: e.SPAWN_TASK_ATTEMPTS,
      studyMaxRuns: e.SPAWN_STUDY_MAX_RUNS,
    },
    requirements: {
      // The pyenv shim first on PATH here lacks Debian's scientific packages: a deliberate default.
      python: e.SPAWN_FUNCTION_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'),
      pipIndexUrl: e.SPAWN_PIP_INDEX_URL,
      npmRegistry: e.SPAWN_NPM_REGISTRY,
      layerTtlDays: e.SPAWN_LAYER_TTL_DAYS,
      buildTimeoutSeconds: e.SPAWN_LAYER_BUILD_TIMEOUT_SECONDS,
      installerSandbox: e.SPAWN_INSTALLER_SANDBOX,
      bwrap: e.SPAWN_INSTALLER_BWRAP ?? null,
      extraHosts: installerExtraHosts(e.SPAWN_PIP_INDEX_URL, e.SPAWN_INSTALLER_ALLOWED_HOSTS),
    },
    files: {
      maxBytes: Math.round(e.SPAWN_FILE_MAX_MB * MB),
      quotaBytes: Math.round(e.SPAWN_FILE_QUOTA_MB * MB),
      outputMaxFiles: e.SPAWN_FUNCTION_OUTPUT_FILES_MAX,
      outputMaxBytes: Math.round(e.SPAWN_FUNCTION_OUTPUT_FILES_MAX_MB * MB),
    },
    cache: { enabled: e.SPAWN_CACHE === 'on', ttlSeconds: e.SPAWN_CACHE_TTL_SECONDS },
    generationBudget: {
      ...(e.SPAWN_GENERATION_BUDGET_USD === undefined ? {} : { maxGenerationUsd: e.SPAWN_GENERATION_BUDGET_USD }),
      ...(e.SPAWN_GENERATION_BUDGET_TOKENS === undefined ? {} : { maxGenerationTokens: e.SPAWN_GENERATION_BUDGET_TOKENS }),
    },
    http: {
      maxJsonDepth: e.SPAWN_MAX_JSON_DEPTH,
      requestTimeoutSeconds: e.SPAWN_REQUEST_TIMEOUT_SECONDS,
      handlerTimeoutSeconds: e.SPAWN_HANDLER_TIMEOUT_SECONDS,
      maxConnectionsPerClient: e.SPAWN_MAX_CONNECTIONS_PER_CLIENT,
      trustedProxies: e.SPAWN_TRUSTED_PROXIES,
    },
    regions: { default: e.SPAWN_DEFAULT_REGION, served, own: e.SPAWN_REGION ?? e.SPAWN_DEFAULT_REGION },
    fleet: {
      provider: e.DIGITALOCEAN_TOKEN ? { name: 'digitalocean', token: e.DIGITALOCEAN_TOKEN, apiUrl: e.SPAWN_FLEET_API_URL.replace(/\/$/, '') } : null,
      minPerRegion: e.SPAWN_FLEET_MIN,
      maxPerRegion: e.SPAWN_FLEET_MAX,
      size: e.SPAWN_FLEET_SIZE,
      image: e.SPAWN_FLEET_IMAGE,
      memoryFloorMb: e.SPAWN_FLEET_MEMORY_FLOOR_MB,
      scaleUpAfterSeconds: e.SPAWN_FLEET_SCALE_UP_AFTER_SECONDS,
      cooldownSeconds: e.SPAWN_FLEET_COOLDOWN_SECONDS,
      intervalMs: e.SPAWN_FLEET_INTERVAL_SECONDS * 1000,
      joinTimeoutSeconds: e.SPAWN_FLEET_JOIN_TIMEOUT_SECONDS,
      drainMaxSeconds: e.SPAWN_FLEET_DRAIN_MAX_SECONDS,
      hostMaxHours: e.SPAWN_FLEET_HOST_MAX_HOURS,
      joinUrl: (e.SPAWN_FLEET_JOIN_URL ?? e.SPAWN_PUBLIC_URL)?.replace(/\/$/, ''),
      gatewayPort: e.SPAWN_FLEET_GATEWAY_PORT,
      sshSources: e.SPAWN_FLEET_SSH_SOURCES.split(',').map((s) => s.trim()).filter(Boolean),
      installCommand: e.SPAWN_FLEET_INSTALL_COMMAND,
      hostId: e.SPAWN_FLEET_HOST_ID,
    },
  };
  return deepFreeze(config);
}

function parsePricing(json: string): Pricing {
  try {
    return JSON.parse(json) as Pricing;
  } catch (err) {
    throw new ConfigError(`invalid configuration: SPAWN_PRICING_JSON is not valid JSON (${(err as Error).message})`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** True when the server is reachable from loopback only (single-user mode needs no token). */
/**
 * SPAWN_INSTALLER_ALLOWED_HOSTS as a list. Unset, with pypi.org as the index, it is
 * files.pythonhosted.org:443: pypi.org's pages link the files there.
 */
function installerExtraHosts(pipIndex: string, extra: string | undefined): string[] {
  if (extra !== undefined) return extra.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  return new URL(pipIndex).host === 'pypi.org' ? ['files.pythonhosted.org:443'] : [];
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  // Only a literal IPv4 address in 127.0.0.0/8: a name like `127.evil.com` is not loopback.
  return isIPv4(host) && host.startsWith('127.');
}
