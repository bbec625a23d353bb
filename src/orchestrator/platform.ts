import os from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ArtifactStore } from '../artifacts/index.ts';
import { ConfigError, type SpawnConfig } from '../config/index.ts';
import { createEventBus, type EventBus } from '../events/index.ts';
import { createFunctions, type Functions } from '../functions/index.ts';
import { createGenerator } from '../generator/index.ts';
import type { Logger } from '../log/index.ts';
import { createQueue, type JobContext, type JobQueue } from '../queue/index.ts';
import { selectDriver } from '../runtime/index.ts';
import { createStore, type Store } from '../store/index.ts';
import { linkActivityToNodes } from './activity-link.ts';
import { AppActivity } from './app-activity.ts';
import { BusActivityReporter } from './bus-activity-reporter.ts';
import { AppSupervisor } from './app-supervisor.ts';
import { HealthMonitor } from './health-monitor.ts';
import { Lifecycle } from './lifecycle.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { Pipeline } from './pipeline.ts';
import { createPromptCache, GenerationCache } from './prompt-cache.ts';
import { Reconciler } from './reconciler.ts';
import { AppRedeployer, EditRunner, RevisionService } from './revisions/index.ts';
import { SandboxManager } from './sandbox-manager.ts';
import { SessionEvents } from './session-events.ts';
import { SessionService } from './session-service.ts';

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
  /** Present on worker nodes only. */
  readonly sandboxes: SandboxManager | null;
  /** Scale-to-zero state of the api apps this worker supervises; worker nodes only. */
  readonly apps: AppActivity | null;
  /** Where the app proxy reports requests: `apps` on one process, every worker over a Redis bus. */
  readonly activityHook: AppActivity | BusActivityReporter | null;
  readonly workerId: string;
  /** The model chain in use (empty with offline templates). */
  readonly models: string[];
  /** Runtime name and isolation level, for /healthz (`none` on API-only nodes). */
  readonly runtime: { name: string; isolation: string };
  close(): Promise<void>;
}

/**
 * Builds one node of SpawnAI from the configuration: embedded defaults (SQLite, in-process queue
 * and bus) unless DATABASE_URL / REDIS_URL point at real services. The one place that decides.
 */
export async function createPlatform(config: SpawnConfig, logger: Logger, options: PlatformOptions): Promise<Platform> {
  // Chosen first: a runtime that cannot contain `outbound` apps stops start-up before anything opens.
  const driver = options.worker ? await selectDriver(config.runtime, { dataDir: config.dataDir, logger, pool: { size: config.sandbox.poolSize } }) : null;
  if (driver && config.sandbox.network === 'outbound' && !driver.capabilities.containsOutbound) {
    throw new ConfigError(
      `invalid configuration: SPAWN_SANDBOX_NETWORK=outbound needs a runtime that keeps apps off the host and private networks, and the ${driver.name} runtime would share the host's network with them; use SPAWN_RUNTIME=docker, or SPAWN_SANDBOX_NETWORK=none`,
    );
  }
  const store = await createStore({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'spawnai.db') });
  await store.migrate();
  const queue = createQueue({ redisUrl: config.redisUrl, name: config.redisNamespace, lockDurationMs: config.jobLockMs, stalledIntervalMs: Math.max(1000, config.jobLockMs / 2) });
  const bus = createEventBus({ redisUrl: config.redisUrl, channelPrefix: `spawnai:${config.redisNamespace}` });
  const metrics = createMetrics(store, queue);
  const events = new SessionEvents(store, bus, logger);
  const artifacts = new ArtifactStore(store.artifacts);
  const generator = createGenerator(config, options.env ?? process.env, logger);
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  let sandboxes: SandboxManager | null = null;
  if (driver) {
    // No tiers to pre-fill: a tier's pool fills after its first sandbox, so the very first session
    // cold-starts into a container that carries its session id as a label (claimed pool
    // containers carry it in their name only; Docker labels cannot change after creation).
    await driver.init();
    sandboxes = new SandboxManager(driver, store, config, logger);
    logger.info({ runtime: driver.name, isolation: driver.capabilities.isolation }, 'sandbox runtime ready');
  }
  const lifecycle = new Lifecycle({ store, queue, events, sandboxes, config, logger, metrics });
  const sessions = new SessionService({ store, queue, events, lifecycle, generator, config, metrics, models: generator.models });
  const promptCache = config.cache.enabled && generator.models.length > 0 ? new GenerationCache({ cache: createPromptCache(config, store), config, models: generator.models, metrics, logger }) : null;
  const redeployer = new AppRedeployer({ store, artifacts, sandboxes, events, config });
  const editRunner = new EditRunner({ store, events, generator, artifacts, redeployer, config, logger });
  const revisions = new RevisionService({ store, queue, events, artifacts, sessions, generator, runner: editRunner, config });
  const functions = createFunctions({ store, queue, config, logger, workerId, sandboxes });
  const reconciler = new Reconciler({ store, queue, lifecycle, sandboxes, config, logger, isFunctionSandboxLive: (id) => functions.isSandboxLive(id) });

  if (sandboxes) {
    const pipeline = new Pipeline({ store, events, generator, artifacts, sandboxes, lifecycle, metrics, config, logger, workerId, ...(promptCache ? { cache: promptCache } : {}) });
    await queue.process(
      (job: JobContext) => {
        switch (job.name) {
          case 'session.run':
            return pipeline.run(job);
          case 'session.destroy':
            return lifecycle.finishDestroy(job.data.sessionId);
          case 'session.expire':
            return lifecycle.expire(job.data.sessionId);
          case 'session.edit':
            return editRunner.run(job);
          case 'task.run':
            return functions.runTask(job);
        }
      },
      { concurrency: config.workerConcurrency },
    );
  }
  let apps: AppActivity | null = null;
  let supervisor: AppSupervisor | null = null;
  let unlinkActivity: (() => void) | null = null;
  if (sandboxes) {
    apps = new AppActivity({ driver: sandboxes.driver, store, events, logger });
    // On a shared bus the app's requests may be proxied by any node: they reach it over the bus.
    if (bus.kind === 'redis') unlinkActivity = await linkActivityToNodes(apps, bus, logger);
    const monitor = new HealthMonitor({ store, artifacts, events, sandboxes, lifecycle, config, logger });
    supervisor = new AppSupervisor({ store, driver: sandboxes.driver, activity: apps, monitor, config, logger, workerId });
    supervisor.start();
  }
  // What this node's app proxy reports requests to: the local worker, or every worker over the bus.
  const activityHook = bus.kind === 'redis' ? await BusActivityReporter.start(bus, store, logger) : apps;
  reconciler.start();
  functions.start();
  logger.info({ store: store.dialect, queue: queue.kind, bus: bus.kind, worker: options.worker, workerId }, 'platform started');

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
    sandboxes,
    apps,
    activityHook,
    workerId,
    models: generator.models,
    runtime: sandboxes ? { name: sandboxes.driver.name, isolation: sandboxes.driver.capabilities.isolation } : { name: 'none', isolation: 'none' },
    async close() {
      await reconciler.stop();
      await supervisor?.stop();
      if (activityHook instanceof BusActivityReporter) activityHook.close();
      unlinkActivity?.();
      await queue.close();
      await functions.close();
      await sandboxes?.driver.close();
      await bus.close();
      await promptCache?.close();
      await store.close();
    },
  };
}
