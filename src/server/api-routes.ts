import type { FastifyInstance } from 'fastify';
import { billingRoutes, type BillingRoutesDeps } from './routes/billing-routes.ts';
import { webhookRoutes, type WebhookRoutesDeps } from './routes/webhook-routes.ts';
import { appSignInRoutes, type AppSignInDeps } from './routes/app-sign-in-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { deviceRoutes, type DeviceRoutesDeps } from './routes/device-routes.ts';
import { meRoutes } from './routes/me-routes.ts';
import type { SignIn } from './sign-in.ts';
import { eventRoutes, type EventRoutesDeps } from './routes/event-routes.ts';
import { fleetRoutes, type FleetRoutesDeps } from './routes/fleet-routes.ts';
import { fileRoutes, type FileRoutesDeps } from './routes/file-routes.ts';
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
import { apiKeyRoutes, type ApiKeyRoutesDeps } from './routes/api-key-routes.ts';
import { auditRoutes, type AuditRoutesDeps } from './routes/audit-routes.ts';
import { memberRoutes, type MemberRoutesDeps } from './routes/member-routes.ts';
import { orgRoutes, type OrgRoutesDeps } from './routes/org-routes.ts';
import { visibilityRoutes, type VisibilityRoutesDeps } from './routes/visibility-routes.ts';

/** What each route plugin is given: its own small set of services, nothing else. */
export interface ApiRouteDeps {
  sessions: SessionRoutesDeps;
  events: EventRoutesDeps;
  revisions: RevisionRoutesDeps;
  functions: FunctionRoutesDeps;
  tasks: TaskRoutesDeps;
  workflows: WorkflowRoutesDeps;
  studies: StudyRoutesDeps;
  files: FileRoutesDeps;
  system: SystemRoutesDeps;
  thumbnails: ThumbnailRoutesDeps;
  fleet: FleetRoutesDeps;
  images: PromptImageRoutesDeps;
  /** Caddy's on-demand TLS ask (no token; the control-plane host only). */
  tls: TlsAskDeps;
  /** Credits, budgets, usage (issue 16); absent: those routes are not served. */
  billing?: BillingRoutesDeps;
  webhooks?: WebhookRoutesDeps;
  orgs: OrgRoutesDeps;
  members: MemberRoutesDeps;
  apiKeys: ApiKeyRoutesDeps;
  audit: AuditRoutesDeps;
  visibility: VisibilityRoutesDeps;
  /** Sign-in: /auth/login, /auth/callback, /auth/logout and /api/me. */
  signIn: SignIn;
  appSignIn: AppSignInDeps;
  device: DeviceRoutesDeps;
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
  await app.register(fileRoutes, deps.files);
  await app.register(systemRoutes, deps.system);
  await app.register(thumbnailRoutes, deps.thumbnails);
  await app.register(fleetRoutes, deps.fleet);
  await app.register(promptImageRoutes, deps.images);
  await app.register(tlsRoutes, deps.tls);
  if (deps.billing) await app.register(billingRoutes, deps.billing);
  if (deps.webhooks) await app.register(webhookRoutes, deps.webhooks);
  await app.register(orgRoutes, deps.orgs);
  await app.register(memberRoutes, deps.members);
  await app.register(apiKeyRoutes, deps.apiKeys);
  await app.register(auditRoutes, deps.audit);
  await app.register(visibilityRoutes, deps.visibility);
  await app.register(authRoutes, deps.signIn);
  await app.register(meRoutes, deps.signIn);
  await app.register(appSignInRoutes, deps.appSignIn);
  await app.register(deviceRoutes, deps.device);
}
