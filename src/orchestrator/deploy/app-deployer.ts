import type { ArtifactStore } from '../../artifacts/index.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { appTypeSpec, commandFor, needsSandbox, type AppTypeSpec } from '../../generator/index.ts';
import type { Logger } from '../../log/index.ts';
import type { AppFile, Sandbox, SandboxEndpoint } from '../../runtime/index.ts';
import type { SandboxService } from '../../sandboxes/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';
import { withSpan } from '../../telemetry/index.ts';
import type { AppVerifier, VerificationResult } from '../../verify/index.ts';
import type { Metrics } from '../metrics.ts';
import { VERIFY_PROGRESS } from '../progress.ts';
import type { SessionEvents } from '../sessions/session-events.ts';
import { AppProblemsFound, problemLine } from './app-verification.ts';
import { scriptResultPage } from './script-result.ts';
import { verifyTarget } from './verify-target.ts';

const LOG_TAIL_LINES = 20;
const SCRIPT_OUTPUT_MAX_BYTES = 1024 * 1024; // 1 MiB

/** The sources of a version and what it is recorded with (generator, model, source of the change). */
export interface DeployableApp {
  files: AppFile[];
  command: string[] | null;
  meta: Record<string, unknown>;
}

export interface DeployOptions {
  /** A sandbox provisioned ahead (the first deploy provisions while generating); else one is made. */
  sandbox?: Sandbox | null;
  signal: AbortSignal;
  /**
   * When the verifier finds problems: keep the version anyway (the last repair round, a restore —
   * the person gets the app, labelled), or refuse it with AppProblemsFound, saving nothing, so
   * the caller can repair. Default: keep.
   */
  keepWithProblems?: boolean;
}

/** The version now stored, and the sandbox left serving it (servers only). */
export interface Deployed {
  version: number;
  server: Sandbox | null;
  /** What the verifier found (null when nothing was verified: no verifier, or a script). */
  verification: VerificationResult | null;
}

export interface AppDeployerDeps {
  store: Store;
  artifacts: ArtifactStore;
  /** Null on API-only nodes: they can deploy what needs no sandbox (web apps) only. */
  sandboxes: SandboxService | null;
  events: SessionEvents;
  config: SpawnConfig;
  /** Checks web and api apps after they start, before their version is saved; absent: no check. */
  verifier?: AppVerifier;
  metrics?: Metrics;
  logger?: Logger;
}

type Launch = (session: SessionRecord, app: DeployableApp, options: DeployOptions) => Promise<Deployed>;

/**
 * The one way an app is deployed — first deploy, edit, restore and health restart — driven by the
 * app-type table (`APP_TYPE_SPECS`): static files are stored, a script runs once in a sandbox and
 * its result page is stored beside its sources, a server is started and waited for. The app's
 * output streams into the session's events; a failure carries its last lines and frees what the
 * deploy used. Whether the new version goes live is the caller's (the session's state machine).
 */
export class AppDeployer {
  readonly #d: AppDeployerDeps;
  readonly #launch: Readonly<Record<AppTypeSpec['runs'], Launch>>;

  constructor(deps: AppDeployerDeps) {
    this.#d = deps;
    this.#launch = { browser: (s, app, o) => this.#storeFiles(s, app, o), script: (s, app, o) => this.#runScript(s, app, o), server: (s, app, o) => this.#startServer(s, app, o) };
  }

  /** The sandbox the app type needs for its deploy, or null when it needs none. */
  /** The check after generation gets ready while the model writes (the browser and a fresh page). */
  prepareCheck(session: SessionRecord): void {
    if (appTypeSpec(session.appType).runs !== 'script') this.#d.verifier?.prepare?.();
  }

  async provision(session: SessionRecord, options: { recordCreatedAt?: Date } = {}): Promise<Sandbox | null> {
    if (!needsSandbox(session.appType)) return null;
    return this.#sandboxes(session).createForSession(session, appTypeSpec(session.appType).runs === 'server' ? 'server' : 'script', options);
  }

  /** Stores `app` as a new version, running what its type runs; throws APP_START_FAILED, SCRIPT_FAILED, …. */
  deploy(session: SessionRecord, app: DeployableApp, options: DeployOptions): Promise<Deployed> {
    return this.#launch[appTypeSpec(session.appType).runs](session, app, options);
  }

  /**
   * Starts the session's current version again in a fresh sandbox (the health restart), or says
   * why it did not start. Keeps no sandbox for a session that ended meanwhile.
   */
  async restart(session: SessionRecord): Promise<'restarted' | 'session-ended' | { error: string }> {
    const version = session.currentVersion;
    if (version === null) throw new Error('the session has no deployed version');
    const sandboxes = this.#sandboxes(session);
    const files = await this.#d.artifacts.getFiles(session.id, version);
    const meta = (await this.#d.store.artifacts.getVersion(session.id, version))?.meta;
    const command = Array.isArray(meta?.command) ? (meta.command as string[]) : commandFor(session.appType, files);
    await sandboxes.destroyForSession(session.id);
    const sandbox = (await this.provision(session)) as Sandbox;
    const started = await this.#launchServer(session, sandbox, files, command);
    // Destroyed or failed meanwhile: its release may have run before this sandbox existed.
    if ((await this.#d.store.sessions.get(session.id))?.state !== 'running') {
      await sandboxes.destroy(sandbox.id);
      return 'session-ended';
    }
    return 'error' in started ? { error: started.error } : 'restarted';
  }

  async #storeFiles(session: SessionRecord, app: DeployableApp, options: DeployOptions): Promise<Deployed> {
    const verification = await this.#verify(session, app.files, null, options);
    return { version: await this.#save(session, app, verification), server: null, verification };
  }

  /**
   * Saves the version with what the verifier found. Its screenshot (the session's thumbnail) is
   * stored when it comes, after the version and off the path to `running`; a thumbnail that cannot
   * be stored is logged, never a failure of the session.
   */
  async #save(session: SessionRecord, app: DeployableApp, verification: VerificationResult | null): Promise<number> {
    const meta: Record<string, unknown> = { ...app.meta, command: app.command };
    if (verification) {
      const { thumbnail, ...found } = verification;
      meta.verification = found;
      const version = await this.#d.artifacts.saveVersion(session.id, app.files, meta);
      if (thumbnail) this.#attachThumbnail(session.id, version, thumbnail);
      return version;
    }
    return this.#d.artifacts.saveVersion(session.id, app.files, meta);
  }

  #attachThumbnail(sessionId: string, version: number, thumbnail: Promise<Buffer | null>): void {
    void thumbnail
      .then((png) => (png ? this.#d.artifacts.attachThumbnail(sessionId, version, png) : false))
      .catch((err: unknown) => this.#d.logger?.warn({ err, sessionId, version }, 'the thumbnail could not be stored; the session has none'));
  }

  /**
   * Loads the started app as a visitor would and says what is broken. Throws AppProblemsFound when
   * the caller may repair; a verifier that cannot run (Chromium missing or crashed) skips, never fails the deploy.
   */
  async #verify(session: SessionRecord, files: AppFile[], endpoint: SandboxEndpoint | null, options: DeployOptions): Promise<VerificationResult | null> {
    const verifier = this.#d.verifier;
    if (!verifier) return null;
    const { events, metrics } = this.#d;
    // Written while the check runs, not before it: the check does not wait for a store write, and
    // it is awaited before the next event, so the order of the session's events is unchanged.
    const verifying = events.emit(session.id, 'progress', { progress: VERIFY_PROGRESS, step: 'verifying' });
    verifying.catch(() => undefined);
    let result: VerificationResult;
    try {
      result = await withSpan('verify', { 'spawn.session.id': session.id, 'spawn.verify.mode': verifier.mode }, async (span) => {
        const found = await verifier.verify(verifyTarget(session.id, appTypeSpec(session.appType), files, endpoint), options.signal);
        span.setAttributes({ 'spawn.verify.status': found.status, 'spawn.verify.problems': found.problems.length });
        return found;
      });
    } catch (err) {
      if (options.signal.aborted) throw err;
      await verifying;
      this.#d.logger?.warn({ err, sessionId: session.id }, 'verification could not run; the app is not checked');
      await events.log(session.id, `verification could not run (${(err as Error).message.split('\n')[0]}); the app was not checked`, 'warn');
      result = { status: 'skipped', problems: [], checkedAt: new Date().toISOString(), durationMs: 0 };
    }
    await verifying;
    metrics?.verifications.inc({ result: result.status });
    if (result.status !== 'skipped') metrics?.verificationDuration.observe({ mode: verifier.mode }, result.durationMs / 1000);
    const found = { status: result.status, problems: result.problems, durationMs: result.durationMs };
    await events.emit(session.id, 'progress', { progress: VERIFY_PROGRESS, step: 'verified', verification: found });
    if (result.status === 'passed') await events.log(session.id, `verified in ${verifier.mode === 'browser' ? 'a browser' : 'plain HTTP'} in ${result.durationMs} ms: no problem found`);
    if (result.status === 'problems') {
      await events.log(session.id, `verification found ${result.problems.length} problem(s): ${result.problems.map(problemLine).join('; ').slice(0, 1500)}`, 'warn');
      if (options.keepWithProblems === false) throw new AppProblemsFound(result);
    }
    return result;
  }

  async #runScript(session: SessionRecord, app: DeployableApp, options: DeployOptions): Promise<Deployed> {
    const sandboxes = this.#sandboxes(session);
    const sandbox = options.sandbox ?? ((await this.provision(session)) as Sandbox);
    try {
      const { scriptTimeoutSeconds } = this.#d.config.sandbox;
      const command = app.command ?? (commandFor(session.appType, app.files) as string[]);
      const result = await sandboxes.runScript(sandbox, app.files, { command, timeoutMs: scriptTimeoutSeconds * 1000, maxOutputBytes: SCRIPT_OUTPUT_MAX_BYTES, signal: options.signal });
      if (result.timedOut) throw new SpawnError('SCRIPT_TIMEOUT', `the script ran longer than ${scriptTimeoutSeconds} s`);
      if (result.exitCode !== 0) {
        const why = result.oomKilled ? 'it ran out of memory' : `it exited with code ${result.exitCode ?? result.signal}`;
        throw new SpawnError('SCRIPT_FAILED', `${why}: ${result.stderr.slice(-1500)}`);
      }
      await this.#d.events.log(session.id, `script finished in ${result.durationMs} ms`);
      const page: AppFile = { path: appTypeSpec(session.appType).indexPage, content: scriptResultPage(session.title, result.stdout) };
      const meta = { ...app.meta, command: app.command, resultPath: page.path };
      return { version: await this.#d.artifacts.saveVersion(session.id, [...app.files, page], meta), server: null, verification: null };
    } finally {
      await sandboxes.destroy(sandbox.id).catch(() => undefined);
    }
  }

  async #startServer(session: SessionRecord, app: DeployableApp, options: DeployOptions): Promise<Deployed> {
    let sandbox = options.sandbox ?? null;
    if (!sandbox) {
      // A redeploy starts beside the live server: back-dated, the proxy keeps routing to the old
      // one until the caller switches over.
      const old = await this.#d.store.sandboxes.getLiveBySession(session.id);
      sandbox = (await this.provision(session, old ? { recordCreatedAt: new Date(old.createdAt.getTime() - 1) } : {})) as Sandbox;
    }
    try {
      const started = await this.#launchServer(session, sandbox, app.files, app.command, options.signal);
      if ('error' in started) throw new SpawnError('APP_START_FAILED', `${started.error}${started.tail.length ? `\n${started.tail.join('\n')}` : ''}`);
      const verification = await this.#verify(session, app.files, started.endpoint, options);
      return { version: await this.#save(session, app, verification), server: sandbox, verification };
    } catch (err) {
      await this.#sandboxes(session).destroy(sandbox.id).catch(() => undefined);
      throw err;
    }
  }

  /** Starts the server and waits until it answers; its output goes to the session's events. */
  async #launchServer(session: SessionRecord, sandbox: Sandbox, files: AppFile[], command: string[] | null, signal?: AbortSignal): Promise<{ endpoint: SandboxEndpoint } | { error: string; tail: string[] }> {
    const tail: string[] = [];
    const onLog = (stream: 'stdout' | 'stderr', line: string): void => {
      tail.push(`[${stream}] ${line}`);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      this.#d.events.fireLog(session.id, `[${stream}] ${line}`);
    };
    const started = await this.#sandboxes(session).startApp(sandbox, files, command ?? (commandFor(session.appType, files) as string[]), onLog, signal);
    return 'error' in started ? { error: started.error, tail } : { endpoint: started.endpoint };
  }

  #sandboxes(session: SessionRecord): SandboxService {
    if (!this.#d.sandboxes) throw new SpawnError('DEPLOY_FAILED', `a ${session.appType} app can only be redeployed on a worker node`);
    return this.#d.sandboxes;
  }
}
