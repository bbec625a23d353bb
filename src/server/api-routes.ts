import type { FastifyInstance } from 'fastify';
import { eventRoutes, type EventRoutesDeps } from './routes/event-routes.ts';
import { functionRoutes, type FunctionRoutesDeps } from './routes/function-routes.ts';
import { promptImageRoutes, type PromptImageRoutesDeps } from './routes/prompt-image-routes.ts';
import { revisionRoutes, type RevisionRoutesDeps } from './routes/revision-routes.ts';
import { sessionRoutes, type SessionRoutesDeps } from './routes/session-routes.ts';
import { studyRoutes, type StudyRoutesDeps } from './routes/study-routes.ts';
import { systemRoutes, type SystemRoutesDeps } from './routes/system-routes.ts';
import { taskRoutes, type TaskRoutesDeps } from './routes/task-routes.ts';
import { thumbnailRoutes, type ThumbnailRoutesDeps } from './routes/thumbnail-routes.ts';
import { tlsRoutes, type TlsAskDeps } from './routes/tls-routes.ts';
import { workflowRoutes, type WorkflowRoutesDeps } from './routes/workflow-routes.ts';

/** What each route plugin is given: its own small set of services, nothing else. */
export interface ApiRouteDeps {
  sessions: SessionRoutesDeps;
  events: EventRoutesDeps;
  revisions: RevisionRoutesDeps;
  functions: FunctionRoutesDeps;
  tasks: TaskRoutesDeps;
  workflows: WorkflowRoutesDeps;
  studies: StudyRoutesDeps;
  system: SystemRoutesDeps;
  thumbnails: ThumbnailRoutesDeps;
  images: PromptImageRoutesDeps;
  /** Caddy's on-demand TLS ask (no token; the control-plane host only). */
  tls: TlsAskDeps;
}

/** Every route of the HTTP API, one plugin per area (on an app prepared by installRouteSupport). */
export async function registerApiRoutes(app: FastifyInstance, deps: ApiRouteDeps): Promise<void> {
  await app.register(sessionRoutes, deps.sessions);
  await app.register(eventRoutes, deps.events);
  await app.register(revisionRoutes, deps.revisions);
  await app.register(functionRoutes, deps.functions);
  await app.register(taskRoutes, deps.tasks);
  await app.register(workflowRoutes, deps.workflows);
  await app.register(studyRoutes, deps.studies);
  await app.register(systemRoutes, deps.system);
  await app.register(thumbnailRoutes, deps.thumbnails);
  await app.register(promptImageRoutes, deps.images);
  await app.register(tlsRoutes, deps.tls);
}
