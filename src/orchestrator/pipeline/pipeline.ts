import type { SessionState } from '../../api-types.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError, toSpawnError } from '../../errors/index.ts';
import { needsSandbox, validateApp, type GeneratedApp, type Generator } from '../../generator/index.ts';
import type { Logger } from '../../log/index.ts';
import type { JobContext } from '../../queue/index.ts';
import type { Sandbox } from '../../runtime/index.ts';
import type { SandboxService } from '../../sandboxes/index.ts';
import { isStoreOutage, type SessionPatch, type SessionRecord, type Store } from '../../store/index.ts';
import { withSpan } from '../../telemetry/index.ts';
import type { AppDeployer } from '../deploy/app-deployer.ts';
import { toStoredVerification } from '../deploy/app-verification.ts';
import { repairableFailure } from '../deploy/repairable-failure.ts';
import { recordGenerationCost } from '../generation-cost.ts';
import type { Metrics } from '../metrics.ts';
import { STATE_PROGRESS } from '../progress.ts';
import { HEARTBEAT_MS, HEARTBEAT_STALE_MS } from '../sessions/heartbeat.ts';
import type { Lifecycle } from '../sessions/lifecycle.ts';
import type { SessionEvents } from '../sessions/session-events.ts';
import type { GenerationCache } from './generation-cache.ts';
import { GenerationStep } from './generation-step.ts';

const IN_FLIGHT: readonly SessionState[] = ['provisioning', 'generating', 'deploying'];


/** Thrown when a guarded transition finds the session moved on (destroyed, failed elsewhere). */
class SessionMovedOn extends Error {}

export interface PipelineDeps {
  store: Store;
  events: SessionEvents;
  generator: Generator;
  deployer: AppDeployer;
  sandboxes: SandboxService;
  lifecycle: Lifecycle;
  metrics: Metrics;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
  /** Prompt cache of LLM generations; absent or disabled means always generate. */
  cache?: GenerationCache;
}

/**
 * Drives one session from `requested` to `running` (or `failed`). Provisioning and generation run
 * concurrently; every state change is a guarded update, so a destroy that lands mid-way wins and
 * the pipeline cleans up what it made.
 */
export class Pipeline {
  readonly #d: PipelineDeps;
  readonly #generation: GenerationStep;

  constructor(deps: PipelineDeps) {
    this.#d = deps;
    this.#generation = new GenerationStep(deps);
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
      if (isStoreOutage(err, this.#d.config.databaseUrl)) {
        // The database blinked: not the app's fault, so no failure is recorded. The session stays
        // in flight with its heartbeat stopped, and the reconciler re-drives it once the store answers.
        this.#d.logger.warn({ err, sessionId: session.id }, 'database unavailable mid-pipeline; the session will be re-driven');
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
    const first = needsSandbox(s.appType) ? 'provisioning' : 'generating';
    const claim: SessionPatch = { workerId: this.#d.workerId, heartbeatAt: new Date(), progress: STATE_PROGRESS[first] };
    if (s.state === 'requested') {
      const claimed = await this.#d.store.sessions.transition(s.id, ['requested'], first, claim);
      if (claimed) await this.#stateEvent(claimed);
      return claimed;
    }
    const stale = !s.heartbeatAt || Date.now() - s.heartbeatAt.getTime() > HEARTBEAT_STALE_MS;
    if (!IN_FLIGHT.includes(s.state) || !(stale || job.data.redrive === true)) return null;
    // Its worker died mid-way: take it over (guarded: one taker wins), free what the dead worker
    // held — recorded or not — and start over (generation is repeatable).
    const claimed = await this.#d.store.sessions.transition(s.id, [s.state], first, claim);
    if (!claimed) return null;
    await this.#d.events.log(s.id, `worker ${s.workerId ?? '?'} stopped; ${this.#d.workerId} takes over`, 'warn');
    await this.#d.sandboxes.destroyAllForSession(s.id).catch(() => undefined);
    await this.#stateEvent(claimed);
    return claimed;
  }

  async #execute(session: SessionRecord, signal: AbortSignal): Promise<void> {
    const t0 = Date.now();
    const attrs = { 'spawn.session.id': session.id, 'spawn.app_type': session.appType };
    // Spans (issue 16): sandbox and generate run side by side under the job's span.
    this.#d.deployer.prepareCheck(session);
    const sandboxP = withSpan('sandbox', attrs, () => this.#d.deployer.provision(session)).then(async (sandbox) => {
      if (!sandbox) return null;
      this.#d.metrics.stepDuration.observe({ step: 'provision', app_type: session.appType }, (Date.now() - t0) / 1000);
      // Sandbox first: what is left is generation. If generation already finished, stay.
      const moved = await this.#d.store.sessions.transition(session.id, ['provisioning'], 'generating', {});
      if (moved) await this.#stateEvent(moved);
      return sandbox;
    });
    const [gen, box] = await Promise.allSettled([withSpan('generate', attrs, () => this.#generation.generate(session, signal)), sandboxP]);
    if (box.status === 'rejected' || gen.status === 'rejected') {
      if (box.status === 'fulfilled' && box.value) await this.#d.sandboxes.destroy(box.value.id).catch(() => undefined);
      if (gen.status === 'rejected') {
        const error = toSpawnError(gen.reason, 'GENERATION_FAILED');
        // Calls that were made are billed even when generation failed.
        const usage = error.details?.usage as GeneratedApp['usage'] | undefined;
        if (usage) await recordGenerationCost(this.#d.store, session.id, null, usage, 'generate');
        throw error;
      }
      throw toSpawnError(box.status === 'rejected' ? box.reason : null, 'PROVISIONING_FAILED');
    }
    await this.#advance(session.id, ['provisioning', 'generating'], 'deploying', { progress: STATE_PROGRESS.deploying });
    const t1 = Date.now();
    const { app, version, verification } = await this.#deployWithRepair(session, gen.value, box.value, signal);
    await recordGenerationCost(this.#d.store, session.id, app.model, app.usage, 'generate');
    this.#d.metrics.stepDuration.observe({ step: 'deploy', app_type: session.appType }, (Date.now() - t1) / 1000);
    const stored = verification ? toStoredVerification(verification, version) : null;
    if (stored?.status === 'problems') {
      await this.#d.events.log(session.id, `the app is live with ${stored.problems.length} problem(s) the repair rounds did not fix; ask for a fix to try again`, 'warn');
    }
    await this.#advance(session.id, ['deploying'], 'running', { progress: 100, runningAt: new Date(), currentVersion: version, verification: stored });
  }

  /**
   * Validates, deploys, verifies, and — when the app does not parse, does not start, its script
   * fails or the browser finds it broken — sends the evidence back to the model for a bounded
   * number of repair rounds, each one an event. After the last round a broken-on-screen app is
   * still deployed (labelled with its problems); one that does not start fails the session.
   */
  async #deployWithRepair(session: SessionRecord, first: GeneratedApp, firstSandbox: Sandbox | null, signal: AbortSignal) {
    let app = first;
    let sandbox = firstSandbox;
    for (let round = 0; ; round++) {
      const last = !this.#generation.canRepair || round >= this.#d.config.repairRounds;
      const invalid = validateApp(session.appType, app.files);
      let failure: SpawnError;
      let evidence: string[];
      if (invalid.ok) {
        try {
          const meta = { generator: app.generator, model: app.model, template: app.template ?? null };
          const { version, verification } = await withSpan('deploy', { 'spawn.session.id': session.id, 'spawn.repair_round': round }, () =>
            this.#d.deployer.deploy(session, { files: app.files, command: app.command, meta }, { sandbox, signal, keepWithProblems: last }),
          );
          this.#d.metrics.repairRounds.observe({ source: 'generate' }, round);
          return { app, version, verification };
        } catch (err) {
          // The deployer freed the sandbox it was given; the next round provisions a fresh one.
          sandbox = null;
          const repairable = repairableFailure(err);
          if (!repairable) throw toSpawnError(err, 'DEPLOY_FAILED');
          ({ failure, evidence } = repairable);
        }
      } else {
        failure = new SpawnError('GENERATION_FAILED', `the app is not valid: ${invalid.errors.join('; ')}`);
        evidence = [failure.message];
      }
      if (last) {
        await recordGenerationCost(this.#d.store, session.id, app.model, app.usage, 'generate');
        throw failure;
      }
      await this.#d.events.log(session.id, `repair round ${round + 1}: ${failure.message.slice(0, 500)}`, 'warn');
      const broken = app;
      app = await withSpan('repair', { 'spawn.session.id': session.id, 'spawn.repair_round': round + 1 }, () => this.#generation.repair(session, broken, evidence, signal));
    }
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
