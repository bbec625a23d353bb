import type { SessionState } from '../api-types.ts';
import type { SpawnConfig } from '../config/index.ts';
import { SpawnError, toSpawnError } from '../errors/index.ts';
import type { GeneratedApp, Generator } from '../generator/index.ts';
import type { ArtifactStore } from '../artifacts/index.ts';
import type { Logger } from '../log/index.ts';
import type { JobContext } from '../queue/index.ts';
import type { Sandbox } from '../runtime/index.ts';
import type { SessionPatch, SessionRecord, Store } from '../store/index.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Metrics } from './metrics.ts';
import { generationProgress, STATE_PROGRESS } from './progress.ts';
import type { SandboxManager } from './sandbox-manager.ts';
import { scriptResultPage } from './script-result.ts';
import type { SessionEvents } from './session-events.ts';

const IN_FLIGHT: readonly SessionState[] = ['provisioning', 'generating', 'deploying'];
const HEARTBEAT_MS = 5_000;
/** A worker that has not beaten for this long is presumed dead (3 missed beats). */
export const HEARTBEAT_STALE_MS = 15_000;

/** Thrown when a guarded transition finds the session moved on (destroyed, failed elsewhere). */
class SessionMovedOn extends Error {}

export interface PipelineDeps {
  store: Store;
  events: SessionEvents;
  generator: Generator;
  artifacts: ArtifactStore;
  sandboxes: SandboxManager;
  lifecycle: Lifecycle;
  metrics: Metrics;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
}

/**
 * Drives one session from `requested` to `running` (or `failed`). Provisioning and generation run
 * concurrently; every state change is a guarded update, so a destroy that lands mid-way wins and
 * the pipeline cleans up what it made.
 */
export class Pipeline {
  readonly #d: PipelineDeps;

  constructor(deps: PipelineDeps) {
    this.#d = deps;
  }

  async run(job: JobContext): Promise<void> {
    const session = await this.#claim(job.data.sessionId, job);
    if (!session) return;
    const heartbeat = setInterval(() => {
      void this.#d.store.sessions.update(session.id, { heartbeatAt: new Date() }).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const started = Date.now();
    try {
      await this.#execute(session, job.signal);
      this.#d.metrics.stepDuration.observe({ step: 'total', app_type: session.appType }, (Date.now() - started) / 1000);
    } catch (err) {
      if (err instanceof SessionMovedOn) {
        this.#d.logger.info({ sessionId: session.id }, 'session moved on during the pipeline; cleaning up');
        await this.#d.sandboxes.destroyForSession(session.id).catch(() => undefined);
        return;
      }
      await this.#d.lifecycle.fail(session.id, toSpawnError(err, 'INTERNAL_ERROR'));
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Takes ownership of the session: fresh from `requested`, or re-driven after its worker died. */
  async #claim(sessionId: string, job: JobContext): Promise<SessionRecord | null> {
    const s = await this.#d.store.sessions.get(sessionId);
    if (!s) return null;
    const first = s.appType === 'webapp' ? 'generating' : 'provisioning';
    const claim: SessionPatch = { workerId: this.#d.workerId, heartbeatAt: new Date(), progress: STATE_PROGRESS[first] };
    if (s.state === 'requested') {
      const claimed = await this.#d.store.sessions.transition(s.id, ['requested'], first, claim);
      if (claimed) await this.#stateEvent(claimed);
      return claimed;
    }
    const stale = !s.heartbeatAt || Date.now() - s.heartbeatAt.getTime() > HEARTBEAT_STALE_MS;
    if (!IN_FLIGHT.includes(s.state) || !(stale || job.data.redrive === true)) return null;
    // Its worker died mid-way: free what it held and start over (generation is repeatable).
    await this.#d.events.log(s.id, `worker ${s.workerId ?? '?'} stopped; ${this.#d.workerId} takes over`, 'warn');
    await this.#d.sandboxes.destroyForSession(s.id).catch(() => undefined);
    const claimed = await this.#d.store.sessions.transition(s.id, [s.state], first, claim);
    if (claimed) await this.#stateEvent(claimed);
    return claimed;
  }

  async #execute(session: SessionRecord, signal: AbortSignal): Promise<void> {
    const kind = session.appType === 'api' ? 'server' : 'script';
    const t0 = Date.now();
    const sandboxP: Promise<Sandbox | null> =
      session.appType === 'webapp'
        ? Promise.resolve(null)
        : this.#d.sandboxes.create(session, kind).then(async (sandbox) => {
            this.#d.metrics.stepDuration.observe({ step: 'provision', app_type: session.appType }, (Date.now() - t0) / 1000);
            // Sandbox first: what is left is generation. If generation already finished, stay.
            const moved = await this.#d.store.sessions.transition(session.id, ['provisioning'], 'generating', {});
            if (moved) await this.#stateEvent(moved);
            return sandbox;
          });
    const generateP = this.#generate(session, signal);
    const [gen, box] = await Promise.allSettled([generateP, sandboxP]);
    if (box.status === 'rejected' || gen.status === 'rejected') {
      if (box.status === 'fulfilled' && box.value) await this.#d.sandboxes.destroy(box.value.id).catch(() => undefined);
      if (gen.status === 'rejected') throw toSpawnError(gen.reason, 'GENERATION_FAILED');
      throw toSpawnError(box.status === 'rejected' ? box.reason : null, 'PROVISIONING_FAILED');
    }
    const app = gen.value;
    await this.#advance(session.id, ['provisioning', 'generating'], 'deploying', { progress: STATE_PROGRESS.deploying });
    const t1 = Date.now();
    const version = await this.#deploy(session, app, box.value, signal);
    this.#d.metrics.stepDuration.observe({ step: 'deploy', app_type: session.appType }, (Date.now() - t1) / 1000);
    await this.#advance(session.id, ['deploying'], 'running', { progress: 100, runningAt: new Date(), currentVersion: version });
  }

  async #generate(session: SessionRecord, signal: AbortSignal): Promise<GeneratedApp> {
    const t0 = Date.now();
    let lastProgress = 0;
    const app = await this.#d.generator.generate({
      sessionId: session.id,
      prompt: session.prompt,
      appType: session.appType,
      title: session.title,
      signal,
      onEvent: (e) => {
        if (e.type === 'file' && e.status !== 'writing') void this.#d.events.emit(session.id, 'file', { path: e.path, status: e.status, bytes: e.bytes });
        else if (e.type === 'log') void this.#d.events.log(session.id, e.message);
        else if (e.type === 'progress') {
          const progress = generationProgress(e.fraction);
          if (progress > lastProgress + 4) {
            lastProgress = progress;
            void this.#d.events.emit(session.id, 'progress', { progress, step: 'generating' });
          }
        }
      },
    });
    this.#d.metrics.stepDuration.observe({ step: 'generate', app_type: session.appType }, (Date.now() - t0) / 1000);
    const patch: SessionPatch = { generator: app.generator, model: app.model };
    await this.#d.store.sessions.update(session.id, patch);
    if (app.usage.costUsd > 0 || app.usage.inputTokens > 0) {
      await this.#d.store.costs.add({
        sessionId: session.id,
        kind: 'generation',
        amountUsd: app.usage.costUsd,
        details: { model: app.model, inputTokens: app.usage.inputTokens, outputTokens: app.usage.outputTokens },
        at: new Date(),
      });
    }
    await this.#d.events.log(session.id, `${app.files.length} file(s) written by ${app.model ?? app.generator}${app.template ? ` (template ${app.template})` : ''}`);
    return app;
  }

  /** Puts the app where the proxy can serve it; returns the artifact version now live. */
  async #deploy(session: SessionRecord, app: GeneratedApp, sandbox: Sandbox | null, signal: AbortSignal): Promise<number> {
    const meta = { generator: app.generator, model: app.model, template: app.template ?? null, command: app.command };
    if (session.appType === 'webapp' || !sandbox) return this.#d.artifacts.saveVersion(session.id, app.files, meta);
    const command = app.command ?? (session.appType === 'api' ? ['node', 'server.js'] : ['node', 'main.js']);
    if (session.appType === 'api') {
      const version = await this.#d.artifacts.saveVersion(session.id, app.files, meta);
      const started = await this.#d.sandboxes.startApp(sandbox, app.files, command, (stream, line) => void this.#d.events.log(session.id, `[${stream}] ${line}`), signal);
      if ('error' in started) throw new SpawnError('APP_START_FAILED', started.error);
      return version;
    }
    const result = await this.#d.sandboxes.runScript(sandbox, app.files, {
      command,
      timeoutMs: this.#d.config.sandbox.scriptTimeoutSeconds * 1000,
      maxOutputBytes: 1024 * 1024,
      signal,
    });
    await this.#d.sandboxes.destroy(sandbox.id);
    if (result.timedOut) throw new SpawnError('SCRIPT_TIMEOUT', `the script ran longer than ${this.#d.config.sandbox.scriptTimeoutSeconds} s`);
    if (result.exitCode !== 0) {
      const why = result.oomKilled ? 'it ran out of memory' : `it exited with code ${result.exitCode ?? result.signal}`;
      throw new SpawnError('SCRIPT_FAILED', `${why}: ${result.stderr.slice(-500)}`);
    }
    await this.#d.events.log(session.id, `script finished in ${result.durationMs} ms`);
    const files = [...app.files, { path: 'result.html', content: scriptResultPage(session.title, result.stdout) }];
    return this.#d.artifacts.saveVersion(session.id, files, { ...meta, resultPath: 'result.html' });
  }

  async #advance(id: string, from: readonly SessionState[], to: SessionState, patch: SessionPatch): Promise<SessionRecord> {
    const moved = await this.#d.store.sessions.transition(id, from, to, { ...patch, heartbeatAt: new Date() });
    if (!moved) throw new SessionMovedOn();
    await this.#stateEvent(moved);
    return moved;
  }

  #stateEvent(s: SessionRecord): Promise<unknown> {
    return this.#d.events.emit(s.id, 'state', { state: s.state, progress: s.progress });
  }
}
