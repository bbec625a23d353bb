import type { ArtifactStore } from '../../artifacts/index.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError, toSpawnError } from '../../errors/index.ts';
import { validateApp, type GeneratedApp, type GenerationContext, type Generator } from '../../generator/index.ts';
import type { Logger } from '../../log/index.ts';
import type { JobContext } from '../../queue/index.ts';
import type { AppFile } from '../../runtime/index.ts';
import type { MessageRecord, SessionRecord, Store } from '../../store/index.ts';
import { repairableFailure } from '../deploy/repairable-failure.ts';
import type { Metrics } from '../metrics.ts';
import { withSpan } from '../../telemetry/index.ts';
import type { SessionEvents } from '../sessions/session-events.ts';
import { recordGenerationCost } from '../generation-cost.ts';
import type { AppRedeployer, Revision } from './app-redeployer.ts';
import { changeSummary, editHistory, editorOf, newMessageId } from './conversation.ts';


export interface EditRunnerDeps {
  store: Store;
  events: SessionEvents;
  generator: Generator;
  artifacts: ArtifactStore;
  redeployer: AppRedeployer;
  config: SpawnConfig;
  logger: Logger;
  metrics?: Metrics;
}

export type EditOutcome = { version: number } | { error: SpawnError };

/**
 * Carries out one pending change (a follow-up edit or a restore) of a running app: new files, a
 * new version, redeployed at the same URL. The session stays `running` throughout; a failure
 * leaves the previous version live and is told in an `error` event and an assistant message.
 */
export class EditRunner {
  readonly #d: EditRunnerDeps;

  constructor(deps: EditRunnerDeps) {
    this.#d = deps;
  }

  /** Job handler of `session.edit`; idempotent (a message that is no longer pending is skipped). */
  async run(job: JobContext): Promise<void> {
    await this.process(String(job.data.messageId), job.signal);
  }

  async process(messageId: string, signal: AbortSignal): Promise<EditOutcome | null> {
    const message = await this.#d.store.messages.get(messageId);
    if (message?.status !== 'pending' || message.role !== 'user') return null;
    const session = await this.#d.store.sessions.get(message.sessionId);
    if (!session) return null;
    let app: GeneratedApp | null = null;
    try {
      if (session.state !== 'running') throw new SpawnError('SESSION_NOT_ACTIVE', `the session is ${session.state}`);
      const base = await this.#sources(session, session.currentVersion);
      const restoring = message.restoreVersion !== null;
      // The job's steps, like a first generation's: `edit` (its model calls inside), then `deploy` and any `repair`.
      const attrs = { 'spawn.session.id': session.id };
      app = restoring ? await withSpan('restore', attrs, () => this.#restored(session, message.restoreVersion ?? 0)) : await withSpan('edit', attrs, () => this.#edited(session, message, base, signal));
      const summary = changeSummary(app);
      const { version, final } = await this.#deploy(session, app, restoring ? { source: 'restore', restoredFrom: message.restoreVersion ?? undefined } : { source: 'edit' }, signal, message);
      app = final;
      await this.#bill(session.id, app);
      const reply = restoring ? `Restored version ${message.restoreVersion} as version ${version}.` : summary;
      await this.#reply(session.id, reply, version, 'done');
      await this.#d.store.messages.finish(message.id, 'done');
      await this.#d.events.emit(session.id, 'progress', { progress: 100, step: 'edited', version });
      await this.#d.events.log(session.id, `version ${version} is live`);
      return { version };
    } catch (err) {
      // A worker shutting down leaves the change pending for the queue's retry.
      if (signal.aborted) throw err;
      const error = toSpawnError(err, 'GENERATION_FAILED');
      const usage = (error.details?.usage as GeneratedApp['usage'] | undefined) ?? app?.usage;
      if (usage) await this.#bill(session.id, { ...(app ?? { files: [], command: null, generator: 'llm', model: null }), usage });
      const live = session.currentVersion === null ? 'the previous version' : `version ${session.currentVersion}`;
      await this.#d.events.emit(session.id, 'error', { code: error.code, message: error.message.slice(0, 2000) });
      await this.#reply(session.id, `The change could not be made (${error.code}): ${error.message.slice(0, 1000)}\n${live} is still live.`, null, 'failed');
      await this.#d.store.messages.finish(message.id, 'failed');
      this.#d.logger.info({ sessionId: session.id, code: error.code }, 'edit failed; the previous version stays live');
      return { error };
    }
  }

  async #edited(session: SessionRecord, message: MessageRecord, base: { files: AppFile[]; command: string[] | null }, signal: AbortSignal): Promise<GeneratedApp> {
    const editor = editorOf(this.#d.generator);
    if (!editor) throw new SpawnError('EDITS_NEED_A_MODEL');
    await this.#assertBudgetLeft(session.id);
    const history = editHistory(session, (await this.#d.store.messages.listBySession(session.id)).filter((m) => m.id !== message.id));
    await this.#d.events.log(session.id, `editing: ${message.content.slice(0, 200)}`);
    const edited = await editor.edit({ files: base.files, prompt: message.content, history }, this.#context(session, signal));
    for (const path of edited.changedPaths) {
      const bytes = Buffer.byteLength(edited.files.find((f) => f.path === path)?.content ?? '');
      await this.#d.events.emit(session.id, 'file', { path, status: 'done', bytes });
    }
    await this.#d.events.log(session.id, changeSummary({ changedPaths: edited.changedPaths, deletedPaths: edited.deletedPaths }));
    return edited;
  }

  async #restored(session: SessionRecord, version: number): Promise<GeneratedApp> {
    const { files, command } = await this.#sources(session, version);
    if (files.length === 0) throw new SpawnError('VERSION_NOT_FOUND', `version ${version} has no files`);
    await this.#d.events.log(session.id, `restoring version ${version}`);
    return { files, command, generator: session.generator, model: session.model, message: `restored version ${version}`, usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } };
  }

  /** Validates and redeploys; fixable failures of an edit go back to the model like a generation's. */
  async #deploy(session: SessionRecord, first: GeneratedApp, origin: Pick<Revision['meta'], 'source' | 'restoredFrom'>, signal: AbortSignal, request: MessageRecord): Promise<{ version: number; final: GeneratedApp }> {
    let app = first;
    await this.#d.events.emit(session.id, 'progress', { progress: 90, step: 'redeploying' });
    const repair = this.#d.generator.repair?.bind(this.#d.generator);
    for (let round = 0; ; round++) {
      // The last chance keeps a version the browser finds broken (labelled), like a first deploy.
      const last = origin.source !== 'edit' || !repair || round >= this.#d.config.repairRounds;
      const check = validateApp(session.appType, app.files);
      let failure: SpawnError;
      let evidence: string[];
      if (check.ok) {
        const revision: Revision = { files: app.files, command: app.command, meta: { ...origin, generator: app.generator, model: app.model, ...(app.message ? { message: app.message } : {}) } };
        try {
          const version = await withSpan('deploy', { 'spawn.session.id': session.id, 'spawn.repair_round': round }, () => this.#d.redeployer.deploy(session, revision, signal, { keepWithProblems: last }));
          this.#d.metrics?.repairRounds.observe({ source: origin.source }, round);
          return { version, final: app };
        } catch (err) {
          const repairable = repairableFailure(err);
          if (!repairable) throw this.#withUsage(toSpawnError(err, 'DEPLOY_FAILED'), app);
          ({ failure, evidence } = repairable);
        }
      } else {
        failure = new SpawnError('GENERATION_FAILED', `the changed app is not valid: ${check.errors.join('; ')}`);
        evidence = [failure.message];
      }
      if (last || !repair) throw this.#withUsage(failure, app);
      await this.#d.events.log(session.id, `repair round ${round + 1}: ${failure.message.slice(0, 500)}`, 'warn');
      // A repair after an edit knows the original request and the conversation that led here.
      const earlier = (await this.#d.store.messages.listBySession(session.id)).filter((m) => m.id !== request.id);
      const history = [...editHistory(session, earlier), { role: 'user' as const, content: request.content }, { role: 'assistant' as const, content: 'I made that change; the checks below found problems in it.' }];
      const broken = app;
      const repaired = await withSpan('repair', { 'spawn.session.id': session.id, 'spawn.repair_round': round + 1 }, () => repair(broken, evidence, { ...this.#context(session, signal), prompt: session.prompt, history }));
      app = { ...repaired, message: app.message };
    }
  }

  /** The version's sources: a script's result page is output, not source. */
  async #sources(session: SessionRecord, version: number | null): Promise<{ files: AppFile[]; command: string[] | null }> {
    if (version === null) return { files: [], command: null };
    const stored = await this.#d.store.artifacts.getVersion(session.id, version);
    const resultPath = typeof stored?.meta.resultPath === 'string' ? stored.meta.resultPath : null;
    const command = Array.isArray(stored?.meta.command) ? (stored.meta.command as string[]) : null;
    const files = (await this.#d.artifacts.getFiles(session.id, version)).filter((f) => f.path !== resultPath);
    return { files, command };
  }

  #context(session: SessionRecord, signal: AbortSignal): GenerationContext {
    const onEvent = this.#d.events.forwardGeneration(session.id, 'editing', (fraction) => Math.round(fraction * 85));
    return { sessionId: session.id, appType: session.appType, title: session.title, signal, onEvent };
  }

  /** The generator's budget bounds one call group; across a session's edits it is checked here. */
  async #assertBudgetLeft(sessionId: string): Promise<void> {
    const { maxGenerationUsd, maxGenerationTokens } = this.#d.config.generationBudget;
    if (maxGenerationUsd === undefined && maxGenerationTokens === undefined) return;
    const spent = (await this.#d.store.costs.listBySession(sessionId)).filter((c) => c.kind === 'generation');
    const usd = spent.reduce((sum, c) => sum + c.amountUsd, 0);
    const tokens = spent.reduce((sum, c) => sum + Number(c.details.inputTokens ?? 0) + Number(c.details.outputTokens ?? 0), 0);
    if ((maxGenerationUsd !== undefined && usd >= maxGenerationUsd) || (maxGenerationTokens !== undefined && tokens >= maxGenerationTokens)) {
      throw new SpawnError('GENERATION_BUDGET_EXCEEDED', `this app has used its generation budget ($${usd.toFixed(4)}, ${tokens} tokens): no further edits`);
    }
  }

  #withUsage(error: SpawnError, app: GeneratedApp): SpawnError {
    if (error.details?.usage !== undefined) return error;
    return new SpawnError(error.code, error.message, { cause: error.cause, details: { ...error.details, usage: app.usage } });
  }

  #bill(sessionId: string, app: GeneratedApp): Promise<void> {
    return recordGenerationCost(this.#d.store, sessionId, app.model, app.usage, 'edit');
  }

  async #reply(sessionId: string, content: string, version: number | null, status: 'done' | 'failed'): Promise<void> {
    await this.#d.store.messages.add({ id: newMessageId(), sessionId, role: 'assistant', content, version, restoreVersion: null, status, createdAt: new Date() });
  }
}
