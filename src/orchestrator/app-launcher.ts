import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { AppFile, Sandbox, SandboxEndpoint } from '../runtime/index.ts';
import type { SessionRecord } from '../store/index.ts';
import type { SandboxManager } from './sandbox-manager.ts';
import { scriptResultPage } from './script-result.ts';
import type { SessionEvents } from './session-events.ts';

/** The path a script's result page is stored under, beside its sources. */
export const SCRIPT_RESULT_PATH = 'result.html';
const LOG_TAIL_LINES = 20;

/**
 * Starting an app's code in a sandbox, the same way for a first deployment and for a redeploy:
 * its output streams into the session's events, and a failure carries the last lines of it.
 */
export class AppLauncher {
  readonly #sandboxes: SandboxManager;
  readonly #events: SessionEvents;
  readonly #config: SpawnConfig;

  constructor(sandboxes: SandboxManager, events: SessionEvents, config: SpawnConfig) {
    this.#sandboxes = sandboxes;
    this.#events = events;
    this.#config = config;
  }

  /** Starts an api app and waits until it answers; throws APP_START_FAILED with its output tail. */
  async startServer(session: SessionRecord, sandbox: Sandbox, files: AppFile[], command: string[] | null, signal: AbortSignal): Promise<SandboxEndpoint> {
    const tail: string[] = [];
    const onLog = (stream: 'stdout' | 'stderr', line: string): void => {
      tail.push(`[${stream}] ${line}`);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      this.#events.fireLog(session.id, `[${stream}] ${line}`);
    };
    const started = await this.#sandboxes.startApp(sandbox, files, command ?? ['node', 'server.js'], onLog, signal);
    if ('error' in started) throw new SpawnError('APP_START_FAILED', `${started.error}${tail.length ? `\n${tail.join('\n')}` : ''}`);
    return started.endpoint;
  }

  /** Runs a script to completion and returns its result page; throws SCRIPT_TIMEOUT/SCRIPT_FAILED. */
  async runScript(session: SessionRecord, sandbox: Sandbox, files: AppFile[], command: string[] | null, signal: AbortSignal): Promise<AppFile> {
    const { scriptTimeoutSeconds } = this.#config.sandbox;
    const result = await this.#sandboxes.runScript(sandbox, files, { command: command ?? ['node', 'main.js'], timeoutMs: scriptTimeoutSeconds * 1000, maxOutputBytes: 1024 * 1024, signal });
    if (result.timedOut) throw new SpawnError('SCRIPT_TIMEOUT', `the script ran longer than ${scriptTimeoutSeconds} s`);
    if (result.exitCode !== 0) {
      const why = result.oomKilled ? 'it ran out of memory' : `it exited with code ${result.exitCode ?? result.signal}`;
      throw new SpawnError('SCRIPT_FAILED', `${why}: ${result.stderr.slice(-1500)}`);
    }
    await this.#events.log(session.id, `script finished in ${result.durationMs} ms`);
    return { path: SCRIPT_RESULT_PATH, content: scriptResultPage(session.title, result.stdout) };
  }
}
