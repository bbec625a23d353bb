import { createResultCache, type ResultCache } from '../cache/index.ts';
import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { JobContext, JobQueue } from '../queue/index.ts';
import type { SandboxService } from '../sandboxes/index.ts';
import type { Ledger } from '../billing/index.ts';
import type { Store, TaskRecord } from '../store/index.ts';
import { FileService } from './files/index.ts';
import { FunctionRegistry } from './function-registry.ts';
import { LayerBuilder, sweepLayers } from './requirements/index.ts';
import { isFunctionSandboxOwner, FUNCTION_SANDBOX_PREFIX } from './ids.ts';
import { SandboxHost } from './sandbox-host.ts';
import { StudyService, type StudyOutcome } from './study-service.ts';
import { TaskEvents } from './task-events.ts';
import { TaskRunner } from './task-runner.ts';
import { TaskService } from './task-service.ts';
import { TaskSweeper } from './task-sweeper.ts';
import { WarmPool } from './warm-pool.ts';
import { WorkflowService } from './workflow-service.ts';

/** Unused requirement layers are looked for this often (their TTL is in days). */
const LAYER_SWEEP_MS = 3_600_000;

export interface FunctionsDeps {
  store: Store;
  queue: JobQueue;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
  /** The node's sandbox service; null on API-only nodes (they create and read tasks, never run them). */
  sandboxes: SandboxService | null;
  /** Credits: executions are refused when the org may not spend, calls are charged per sandbox-second. */
  ledger?: Ledger;
  /** Told about every task that finishes on this node. */
  onTaskFinished?: (task: TaskRecord) => void;
  /** Told when a study's last task or run ends (webhooks: study.completed). */
  onStudyFinished?: (outcome: StudyOutcome) => void;
}

/** Everything functions, tasks, workflows and studies need, built once per platform node. */
export interface Functions {
  readonly registry: FunctionRegistry;
  readonly tasks: TaskService;
  readonly workflows: WorkflowService;
  readonly studies: StudyService;
  readonly cache: ResultCache;
  /** Uploaded files and tasks' output files. */
  readonly files: FileService;
  /** Warm runtimes of this worker; null on API-only nodes. */
  readonly pool: WarmPool | null;
  /** Handles a `task.run` job (worker nodes). */
  runTask(job: JobContext): Promise<void>;
  /**
   * For the reaper: true for a function sandbox (session id `fn-<runtimeId>`) whose warm runtime
   * is alive on this node or heart-beating on another; false for anything else.
   */
  isSandboxLive(sessionId: string): Promise<boolean>;
  /** Starts the sweeper (stuck tasks, open runs, idle runtimes). */
  start(): void;
  /** One sweeper pass now (tests, operators). */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

export function createFunctions(deps: FunctionsDeps): Functions {
  const { store, queue, config, logger, workerId } = deps;
  const events = new TaskEvents();
  if (deps.onTaskFinished) events.onFinished(deps.onTaskFinished);
  const host = deps.sandboxes ? new SandboxHost(deps.sandboxes, config) : null;
  const layers = host ? new LayerBuilder({ store, config, logger, workerId, inContainer: host.inContainer }) : null;
  const registry = new FunctionRegistry(store, config, layers);
  const files = new FileService(store, config);
  const cache = createResultCache({ store, redisUrl: config.redisUrl, namespace: config.redisNamespace, ttlSeconds: config.functions.cacheTtlSeconds, logger });
  const tasks = new TaskService({ store, queue, registry, cache, events, files, maxFunctionConcurrency: config.limits.maxFunctionConcurrency, ...(deps.ledger ? { ledger: deps.ledger } : {}) });
  const checkStudy = (studyId: string | null): void => {
    const report = deps.onStudyFinished;
    if (!studyId || !report) return;
    studies
      .outcomeIfFinished(studyId)
      .then((outcome) => outcome && report(outcome))
      .catch((err: unknown) => logger.warn({ err, studyId }, 'could not tell whether the study finished'));
  };
  events.onFinished((task) => checkStudy(task.studyId));
  const workflows = new WorkflowService({ store, tasks, files, logger, onRunFinished: (run) => checkStudy(run.studyId) });
  const studies = new StudyService({ store, config, registry, tasks, workflows });
  const pool = host
    ? new WarmPool(
        { host, store, config, logger, workerId, ...(layers ? { layers } : {}) },
        { maxRuntimes: config.functions.warmMax, maxMemoryMb: config.functions.warmMemoryMb, idleMs: config.functions.warmIdleSeconds * 1000 },
      )
    : null;
  const runner = pool ? new TaskRunner({ store, pool, cache, events, files, config, logger, workerId, onStepFinished: (runId) => workflows.advance(runId), ...(deps.ledger ? { ledger: deps.ledger } : {}) }) : null;
  const sweeper = new TaskSweeper({ store, queue, tasks, workflows, events, pool, config, logger });
  // Heartbeats are refreshed once per sweep: allow a few missed sweeps before a runtime counts as dead.
  const runtimeStaleMs = 3 * config.reconcileIntervalMs + 10_000;
  const sweepLayersOnce = async (): Promise<void> => {
    if (layers) await sweepLayers(store, layers.dir, config.requirements.layerTtlDays, logger).catch((err: unknown) => logger.warn({ err }, 'sweeping requirement layers failed'));
  };
  let layerTimer: NodeJS.Timeout | undefined;

  return {
    registry,
    tasks,
    workflows,
    studies,
    cache,
    files,
    pool,
    async runTask(job) {
      if (!runner) throw new Error('this node runs no tasks (no sandbox runtime)');
      await runner.run(job);
    },
    async isSandboxLive(sessionId) {
      if (!isFunctionSandboxOwner(sessionId)) return false;
      const runtimeId = sessionId.slice(FUNCTION_SANDBOX_PREFIX.length);
      if (pool?.has(runtimeId)) return true;
      return store.functionRuntimes.isLive(runtimeId, new Date(Date.now() - runtimeStaleMs));
    },
    start() {
      sweeper.start();
      layerTimer = setInterval(() => void sweepLayersOnce(), LAYER_SWEEP_MS);
      layerTimer.unref();
    },
    async sweep() {
      await sweeper.runOnce();
      await sweepLayersOnce();
    },
    async close() {
      clearInterval(layerTimer);
      await sweeper.stop();
      await pool?.close();
      await cache.close();
    },
  };
}
