import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SESSION_STATES } from '../api-types.ts';
import type { JobQueue } from '../queue/index.ts';
import type { PoolStats } from '../runtime/index.ts';
import type { Store } from '../store/index.ts';

export type Metrics = ReturnType<typeof createMetrics>;

/** Prometheus metrics of one process; gauges read the store/queue when scraped, never cached. */
export function createMetrics(store: Store, queue: JobQueue) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'spawnai_process_' });
  new Gauge({
    name: 'spawnai_sessions',
    help: 'Sessions by state (whole database)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await store.sessions.countByState();
      for (const state of SESSION_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  new Gauge({
    name: 'spawnai_queue_depth',
    help: 'Jobs waiting or delayed in the queue',
    registers: [registry],
    async collect() {
      this.set(await queue.depth());
    },
  });
  const stepDuration = new Histogram({
    name: 'spawnai_pipeline_step_duration_seconds',
    help: 'Duration of pipeline steps (provision, generate, deploy, total)',
    labelNames: ['step', 'app_type'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const sessionsCreated = new Counter({
    name: 'spawnai_sessions_created_total',
    help: 'Sessions accepted by this process',
    labelNames: ['app_type'],
    registers: [registry],
  });
  const sessionsFailed = new Counter({
    name: 'spawnai_sessions_failed_total',
    help: 'Sessions that failed, by reason code',
    labelNames: ['code'],
    registers: [registry],
  });
  const promptCacheRequests = new Counter({
    name: 'spawnai_prompt_cache_requests_total',
    help: 'Prompt cache lookups of LLM generations, by result (hit rate = hit / (hit + miss))',
    labelNames: ['result'],
    registers: [registry],
  });
  const verifications = new Counter({
    name: 'spawnai_verification_total',
    help: 'Verifications of deployed apps before their URL is handed out, by result (passed, problems, skipped)',
    labelNames: ['result'],
    registers: [registry],
  });
  const verificationDuration = new Histogram({
    name: 'spawnai_verification_duration_seconds',
    help: 'Time to verify one deployed app (load, settle, smoke steps, screenshot)',
    labelNames: ['mode'],
    buckets: [0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3, 6, 12, 30],
    registers: [registry],
  });
  const repairRounds = new Histogram({
    name: 'spawnai_repair_rounds',
    help: 'Repair rounds a deploy (first generation or edit) needed before it went live',
    labelNames: ['source'],
    buckets: [0, 1, 2, 3, 5, 10],
    registers: [registry],
  });
  // Money and signals (issue 16): deploy/grafana and deploy/prometheus query these.
  const spendUsd = new Counter({ name: 'spawnai_spend_usd_total', help: 'Dollars charged to organisations, by kind (session: settled sessions, function: function calls)', labelNames: ['kind'], registers: [registry] });
  const alertsFired = new Counter({ name: 'spawnai_alerts_total', help: 'Alert incidents opened (each fires once per incident), by rule', labelNames: ['rule'], registers: [registry] });
  const webhookAttempts = new Counter({ name: 'spawnai_webhook_attempts_total', help: 'Webhook delivery attempts, by result (ok, error)', labelNames: ['result'], registers: [registry] });
  // Proxy traffic and function calls (issue 16's dashboard rows). Labels are closed sets: never a
  // session, app host or function id (one series per app would grow without bound).
  const proxyRequests = new Counter({ name: 'spawnai_proxy_requests_total', help: 'Requests to apps answered by the app proxy, by kind (sandbox: forwarded to an api app; static: files of a web app or result page; page: the proxy\'s own page — unknown, expired, still building, sign-in) and result (status class 1xx-5xx, or error: the response was cut off)', labelNames: ['kind', 'result'], registers: [registry] });
  const proxyRequestDuration = new Histogram({ name: 'spawnai_proxy_request_duration_seconds', help: 'Time from a request reaching the app proxy to its response ending, by kind', labelNames: ['kind'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120], registers: [registry] });
  const functionCalls = new Counter({ name: 'spawnai_function_calls_total', help: 'Function calls that ended, by result (ok, cache_hit: answered from the result cache, function_error: the code failed, crashed or returned bad outputs, timeout, error: the platform or the call\'s setup failed)', labelNames: ['result'], registers: [registry] });
  const functionCallDuration = new Histogram({ name: 'spawnai_function_call_duration_seconds', help: 'Run time of function calls that ran in a runtime (cache hits excluded)', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300], registers: [registry] });
  // The sandbox runtime starts after the metrics exist: it hands its pool's figures over then.
  let poolStats: () => PoolStats | null = () => null;
  new Gauge({
    name: 'spawnai_pool_size',
    help: 'Idle, pre-started sandboxes in the warm pool of this worker, by tier',
    labelNames: ['tier'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [tier, ready] of Object.entries(poolStats()?.ready ?? {})) this.set({ tier }, ready);
    },
  });
  new Counter({
    name: 'spawnai_pool_claims_total',
    help: 'Sandbox claims that found a warm one (hit) or had to start one (miss)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      const claims = poolStats()?.claims;
      if (!claims) return;
      this.reset();
      this.inc({ result: 'hit' }, claims.hit);
      this.inc({ result: 'miss' }, claims.miss);
    },
  });
  const attachPool = (source: () => PoolStats | null): void => {
    poolStats = source;
  };
  return { registry, attachPool, spendUsd, alertsFired, webhookAttempts, stepDuration, sessionsCreated, sessionsFailed, promptCacheRequests, verifications, verificationDuration, repairRounds, proxyRequests, proxyRequestDuration, functionCalls, functionCallDuration };
}
