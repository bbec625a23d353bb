import type { WebhookSender } from '../alerts/index.ts';
import type { EventBus } from '../events/index.ts';
import type { Functions } from '../functions/index.ts';
import type { JobContext, JobQueue } from '../queue/index.ts';
import type { SandboxService } from '../sandboxes/index.ts';
import type { Store } from '../store/index.ts';
import type { SpawnConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { linkActivityToNodes } from './apps/activity-link.ts';
import { AppActivity } from './apps/app-activity.ts';
import { relocateApp } from './apps/app-relocation.ts';
import { AppSupervisor } from './apps/app-supervisor.ts';
import { HealthMonitor } from './apps/health-monitor.ts';
import type { AppDeployer } from './deploy/app-deployer.ts';
import type { Pipeline } from './pipeline/pipeline.ts';
import type { EditRunner } from './revisions/index.ts';
import type { Lifecycle } from './sessions/lifecycle.ts';
import type { SessionEvents } from './sessions/session-events.ts';

export interface WorkerNodeDeps {
  store: Store;
  queue: JobQueue;
  bus: EventBus;
  events: SessionEvents;
  sandboxes: SandboxService;
  deployer: AppDeployer;
  lifecycle: Lifecycle;
  pipeline: Pipeline;
  editRunner: EditRunner;
  functions: Functions;
  webhookSender: WebhookSender;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
}

/** What only a worker node runs: the jobs, and the supervision of the api apps it serves. */
export interface WorkerNode {
  /** Scale-to-zero state of the api apps this worker supervises. */
  apps: AppActivity;
  stop(): Promise<void>;
}

export async function startWorkerNode(d: WorkerNodeDeps): Promise<WorkerNode> {
  await d.queue.process(
    (job: JobContext) => {
      switch (job.name) {
        case 'session.run':
          // An app whose host was lost comes back through its region's queue (the fleet queues it).
          return job.data.relocate === true ? relocateApp(d, job) : d.pipeline.run(job);
        case 'session.destroy':
          return d.lifecycle.finishDestroy(job.data.sessionId);
        case 'session.expire':
          return d.lifecycle.expire(job.data.sessionId);
        case 'session.edit':
          return d.editRunner.run(job);
        case 'task.run':
          return d.functions.runTask(job);
        case 'webhook.deliver':
          return d.webhookSender.run(job);
      }
    },
    { concurrency: d.config.workerConcurrency },
  );
  const apps = new AppActivity({ sandboxes: d.sandboxes, store: d.store, events: d.events, logger: d.logger });
  // On a shared bus the app's requests may be proxied by any node: they reach it over the bus.
  const unlinkActivity = d.bus.kind === 'redis' ? await linkActivityToNodes(apps, d.bus, d.logger) : null;
  const monitor = new HealthMonitor({ store: d.store, events: d.events, sandboxes: d.sandboxes, deployer: d.deployer, lifecycle: d.lifecycle, config: d.config, logger: d.logger });
  const supervisor = new AppSupervisor({ store: d.store, sandboxes: d.sandboxes, activity: apps, monitor, config: d.config, logger: d.logger, workerId: d.workerId });
  supervisor.start();
  return {
    apps,
    async stop() {
      await supervisor.stop();
      unlinkActivity?.();
    },
  };
}
