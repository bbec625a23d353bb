import type { JobContext } from '../../queue/index.ts';
import type { Store } from '../../store/index.ts';
import type { SessionEvents } from '../sessions/session-events.ts';

export interface AppRelocationDeps {
  store: Store;
  events: SessionEvents;
  workerId: string;
}

/**
 * A `session.run` job with `relocate: true`: the running app's host was lost, and the fleet queued
 * it on its region's queue, where it waits for a host with room. The worker that takes it adopts
 * the app and forgets the sandbox that died with the host; its AppSupervisor then finds the app
 * without a sandbox and restarts its current version here (the health restart: one attempt, then
 * APP_UNHEALTHY with the reason), so one code path restarts apps, one at a time per app.
 */
export async function relocateApp(d: AppRelocationDeps, job: JobContext): Promise<void> {
  const { sessionId, fromWorker } = job.data;
  const s = await d.store.sessions.get(sessionId);
  // Already adopted (a repeated job), or ended meanwhile: nothing to do.
  if (!s || s.state !== 'running' || s.workerId !== fromWorker) return;
  const lost = await d.store.sandboxes.getLiveBySession(sessionId);
  // Its sandbox died with its host: the record goes without asking this host's driver about it.
  if (lost) await d.store.sandboxes.markDestroyed(lost.id);
  const adopted = await d.store.sessions.transition(sessionId, ['running'], 'running', { workerId: d.workerId });
  if (adopted) await d.events.log(sessionId, `its host was lost; worker ${d.workerId} takes the app over and starts it again from version ${s.currentVersion ?? '?'}`, 'warn');
}
