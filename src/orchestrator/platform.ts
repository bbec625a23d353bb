import os from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ArtifactStore } from '../artifacts/index.ts';
import { createPromptCache } from '../cache/index.ts';
import type { SpawnConfig } from '../config/index.ts';
import { createEventBus, type EventBus } from '../events/index.ts';
import { createFunctions, type Functions } from '../functions/index.ts';
import { createGenerator } from '../generator/index.ts';
import type { Logger } from '../log/index.ts';
import { createRegionalQueue, type JobQueue } from '../queue/index.ts';
import { chooseSandboxRuntime, type SandboxService } from '../sandboxes/index.ts';
import { createStore, type Store, type TaskRecord } from '../store/index.ts';
import { startTracing } from '../telemetry/index.ts';
import { createVerifier, resolveVerifyMode, type VerifyMode } from '../verify/index.ts';
import type { AppActivity } from './apps/app-activity.ts';
import { BusActivityReporter } from './apps/bus-activity-reporter.ts';
import { AppDeployer } from './deploy/app-deployer.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { recordFunctionCall } from './function-call-metrics.ts';
import { createMoney, type Money } from './money.ts';
import { GenerationCache } from './pipeline/generation-cache.ts';
import { Pipeline } from './pipeline/pipeline.ts';
import { AppRedeployer, EditRunner, RevisionService } from './revisions/index.ts';
import { Lifecycle } from './sessions/lifecycle.ts';
import { Reconciler } from './sessions/reconciler.ts';
import { SessionEvents } from './sessions/session-events.ts';
import { SessionService } from './sessions/session-service.ts';
import { startWorkerNode, type WorkerNode } from './worker-node.ts';

export interface PlatformOptions {
  /** Run pipelines in this process (`spawnai up` without --no-worker, `spawnai worker`). */
  worker: boolean;
  /** Extra environment for providers (API keys); defaults to process.env. Never passed to sandboxes. */
  env?: Record<string, string | undefined>;
}

export interface Platform {
  readonly config: SpawnConfig;
  readonly logger: Logger;
  readonly store: Store;
  readonly queue: JobQueue;
  readonly bus: EventBus;
  readonly artifacts: ArtifactStore;
  readonly sessions: SessionService;
  /** Records session events and follows them (replay, then live) for SSE and the CLI. */
  readonly sessionEvents: SessionEvents;
  readonly lifecycle: Lifecycle;
  /** Functions, tasks, workflows and studies (tasks run on worker nodes, in warm sandboxes). */
  readonly functions: Functions;
  /** Follow-up edits, versions, restore and ZIP export of running apps. */
  readonly revisions: RevisionService;
  /** Prompt cache of LLM generations; null when disabled (SPAWN_CACHE=off) or with offline templates. */
  readonly promptCache: GenerationCache | null;
  readonly metrics: Metrics;
  /** Credits and budgets, webhooks, alerts (issue 16). */
  readonly money: Money;
  /** Present on worker nodes only. */
  readonly sandboxes: SandboxService | null;
  /** Scale-to-zero state of the api apps this worker supervises; worker nodes only. */
  readonly apps: AppActivity | null;
  /** Where the app proxy reports requests: `apps` on one process, every worker over a Redis bus. */
  readonly activityHook: AppActivity | BusActivityReporter | null;
  readonly workerId: string;
  /** The model chain in use (empty with offline templates). */
  readonly models: string[];
  /** How deployed apps are checked before their URL is handed out (SPAWN_VERIFY, resolved), for /healthz. */
  readonly verifyMode: VerifyMode;
  /** Runtime name and isolation level, for /healthz (`none` on API-only nodes). */
  readonly runtime: { name: string; isolation: string };
  close(): Promise<void>;
}

/**
 * Builds one node of SpawnAI from the configuration: embedded defaults (SQLite, in-process queue
 * and bus) unless DATABASE_URL / REDIS_URL point at real services. The one place that decides.
 */
export async function createPlatform(config: SpawnConfig, logger: Logger, options: PlatformOptions): Promise<Platform> {
  // Only with an endpoint: without one the OpenTelemetry SDK is never loaded and spans are no-ops.
  const tracing = config.money.otlpEndpoint ? await startTracing({ endpoint: config.money.otlpEndpoint, protocol: config.money.otlpProtocol, serviceName: config.money.otelServiceName, logger }) : null;
  // Chosen first: a runtime that cannot contain `outbound` apps stops start-up before anything opens.
  const runtime = options.worker ? await chooseSandboxRuntime(config, logger) : null;
  const store = await createStore({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'spawnai.db') });
  await store.migrate();
  const queueOptions = { redisUrl: config.redisUrl, name: config.redisNamespace, lockDurationMs: config.jobLockMs, stalledIntervalMs: Math.max(1000, config.jobLockMs / 2), shutdownGraceMs: config.shutdownGraceMs };
  // Sessions wait in their region's queue; a worker takes the shared queue and its own region's.
  const queue = createRegionalQueue(queueOptions, config.regions.served, options.worker ? config.regions.own : null);
  const bus = createEventBus({ redisUrl: config.redisUrl, channelPrefix: `spawnai:${config.redisNamespace}` });
  const metrics = createMetrics(store, queue);
  const events = new SessionEvents(store, bus, logger);
  const money = createMoney(store, queue, config, logger, metrics);
  events.observe((sessionId, type, data) => money.signals.sessionEvent(sessionId, type, data));
  const artifacts = new ArtifactStore(store.artifacts);
  const generator = createGenerator(config, options.env ?? process.env, logger);
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  const sandboxes = runtime ? await runtime.start(store) : null;
  if (sandboxes) metrics.attachPool(() => sandboxes.poolStats());
  const lifecycle = new Lifecycle({ store, queue, events, sandboxes, config, logger, metrics, ledger: money.ledger });
  const sessions = new SessionService({ store, queue, events, lifecycle, generator, config, metrics, models: generator.models, ledger: money.ledger });
  const promptCache =
    config.cache.enabled && generator.models.length > 0
      ? new GenerationCache({ cache: createPromptCache({ store, redisUrl: config.redisUrl, namespace: config.redisNamespace }), config, models: generator.models, metrics, logger })
      : null;
  const verifyMode = resolveVerifyMode(config.verify.mode, config.verify.chromiumPath);
  // The browser starts on the first check, not here: an API-only node never launches it.
  const verifier = createVerifier(verifyMode, logger, { executablePath: config.verify.chromiumPath });
  const deployer = new AppDeployer({ store, artifacts, sandboxes, events, config, verifier, metrics, logger });
  const redeployer = new AppRedeployer({ store, deployer, sandboxes });
  const editRunner = new EditRunner({ store, events, generator, artifacts, redeployer, config, logger, metrics });
  const revisions = new RevisionService({ store, queue, events, artifacts, sessions, generator, runner: editRunner, config });
  const onTaskFinished = (task: TaskRecord): void => {
    recordFunctionCall(metrics, task);
    money.signals.taskFinished(task);
  };
  const functions = createFunctions({ store, queue, config, logger, workerId, sandboxes, ledger: money.ledger, onTaskFinished, onStudyFinished: (outcome) => money.signals.studyFinished(outcome) });
  const reconciler = new Reconciler({ store, queue, lifecycle, sandboxes, config, logger, isFunctionSandboxLive: (id) => functions.isSandboxLive(id) });

  let worker: WorkerNode | null = null;
  if (sandboxes) {
    const pipeline = new Pipeline({ store, events, generator, deployer, sandboxes, lifecycle, metrics, config, logger, workerId, ...(promptCache ? { cache: promptCache } : {}) });
    worker = await startWorkerNode({ store, queue, bus, events, sandboxes, deployer, lifecycle, pipeline, editRunner, functions, webhookSender: money.sender, config, logger, workerId });
  }
  const apps = worker?.apps ?? null;
  // What this node's app proxy reports requests to: the local worker, or every worker over the bus.
  const activityHook = bus.kind === 'redis' ? await BusActivityReporter.start(bus, store, logger) : apps;
  reconciler.start();
  functions.start();
  money.watch.start();
  logger.info({ store: store.dialect, queue: queue.kind, bus: bus.kind, worker: options.worker, workerId, verify: verifyMode }, 'platform started');
  if (config.verify.mode === 'auto' && verifyMode === 'http') logger.warn(`no Chromium at ${config.verify.chromiumPath}: apps are verified over plain HTTP only (SPAWN_VERIFY=http); install chromium or set SPAWN_CHROMIUM_PATH`);

  return {
    config,
    logger,
    store,
    queue,
    bus,
    artifacts,
    sessions,
    sessionEvents: events,
    lifecycle,
    functions,
    revisions,
    promptCache,
    metrics,
    money,
    sandboxes,
    apps,
    activityHook,
    workerId,
    models: generator.models,
    verifyMode,
    runtime: sandboxes ? { name: sandboxes.name, isolation: sandboxes.capabilities.isolation } : { name: 'none', isolation: 'none' },
    async close() {
      await reconciler.stop();
      await money.watch.stop();
      await worker?.stop();
      if (activityHook instanceof BusActivityReporter) activityHook.close();
      await queue.close();
      await functions.close();
      await sandboxes?.close();
      await verifier.close();
      await bus.close();
      await promptCache?.close();
      await store.close();
      // Last: the spans of the jobs that just ended are sent before the node goes.
      await tracing?.close();
    },
  };
}
