import { randomBytes } from 'node:crypto';
import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';
import type { Sandbox, SandboxEndpoint } from '../runtime/index.ts';
import type { FunctionVersionRecord, Store } from '../store/index.ts';
import { newId, runtimeSandboxOwner } from './ids.ts';
import { InvokeTimeoutError, requestRunner } from './invoke-client.ts';
import { invokeOutcome, type InvokeOutcome } from './invoke-outcome.ts';
import { runtimeFiles } from './runtime-files.ts';
import { layerMount, type LayerBuilder } from './requirements/index.ts';
import type { SandboxHost } from './sandbox-host.ts';

const HEALTH_POLL_MS = 10;
const WATCHDOG_MS = 1_000;
const LOG_LINES_KEPT = 20;
const MIN_IMPORT_SECONDS = 60;

export interface WarmRuntimeDeps {
  host: SandboxHost;
  store: Store;
  config: SpawnConfig;
  logger: Logger;
  workerId: string;
  /** Builds (once) and finds the requirement layers of functions that have requirements. */
  layers?: LayerBuilder;
}

/**
 * One runner process in its own sandbox that imported one function version once and serves its
 * calls over HTTP. Never shared between owners (the pool keys runtimes by owner + version).
 */
export class WarmRuntime {
  readonly id = newId('rt');
  readonly key: string;
  readonly memoryMb: number;
  readonly fn: FunctionVersionRecord;
  busy = false;
  lastUsedMs = Date.now();
  calls = 0;
  readonly #deps: WarmRuntimeDeps;
  readonly #token = randomBytes(16).toString('hex');
  readonly #logs: string[] = [];
  #sandbox: Sandbox | undefined;
  #endpoint: SandboxEndpoint | undefined;
  #destroyed: Promise<void> | undefined;

  constructor(deps: WarmRuntimeDeps, fn: FunctionVersionRecord, key: string) {
    this.#deps = deps;
    this.fn = fn;
    this.key = key;
    this.memoryMb = deps.config.functions.memoryMb;
  }

  /** Creates the sandbox, starts the runner and waits until it answers; cleans up on failure. */
  async start(): Promise<void> {
    const { host, store, config, workerId } = this.#deps;
    // Waits for the requirements build (FUNCTION_BUILD_FAILED when it failed), before any sandbox exists.
    const layerDir = (await this.#deps.layers?.layerFor(this.fn)) ?? null;
    const layer = layerDir ? layerMount(this.fn.runtime, layerDir, host.sharesHostFs) : { mounts: [], env: {} };
    // Recorded before the sandbox exists, so the reaper never sees an unexplained fn- sandbox.
    const row = { id: this.id, workerId, ownerId: this.fn.ownerId, functionId: this.fn.functionId, version: this.fn.version };
    await store.functionRuntimes.upsert({ ...row, sandboxId: '' });
    try {
      const labels = { spawnaiFunction: this.fn.functionId };
      this.#sandbox = await host.create({ sessionId: runtimeSandboxOwner(this.id), memoryMb: this.memoryMb, labels, readOnlyMounts: layer.mounts });
      await store.functionRuntimes.upsert({ ...row, sandboxId: this.#sandbox.id });
      const env = {
        SPAWN_RUNNER_TOKEN: this.#token,
        SPAWN_OUTPUT_MAX_BYTES: String(config.functions.outputMaxBytes),
        SPAWN_BIND_HOST: host.bindHost,
        ...layer.env,
      };
      const { files, start } = runtimeFiles(this.fn, env, host.python);
      this.#endpoint = await host.start(this.#sandbox, files, start, (stream, line) => this.#log(stream, line));
      // The runner answers once the module imported: the scientific stack (NumPy, SciPy, pandas,
      // Matplotlib's first font scan) may take longer than an app's start on a busy host.
      await this.#waitUntilAnswering(Math.max(config.sandbox.appStartTimeoutSeconds, MIN_IMPORT_SECONDS) * 1000);
      await host.seal(this.#sandbox);
    } catch (err) {
      await this.destroy();
      if (err instanceof SpawnError && err.code === 'HOST_CAPACITY_EXHAUSTED') throw err;
      const logs = this.#logs.length ? `; its output: ${this.#logs.join(' | ')}` : '';
      throw new SpawnError('PROVISIONING_FAILED', `the ${this.fn.runtime} runtime did not start: ${(err as Error).message}${logs}`, { cause: err });
    }
  }

  async invoke(inputs: unknown, timeoutMs: number, signal?: AbortSignal): Promise<InvokeOutcome> {
    const endpoint = this.#endpoint;
    if (!endpoint || this.#destroyed) throw new Error(`warm runtime ${this.id} is not running`);
    this.calls++;
    const startedAt = Date.now();
    // A runner that dies without closing its connection (a removed container's address just stops
    // answering) would hold the call until its timeout: watch the sandbox meanwhile.
    const watchdog = new AbortController();
    const stop = (): void => watchdog.abort();
    signal?.addEventListener('abort', stop, { once: true });
    const timer = setInterval(() => {
      void this.#deps.host.health(this.#sandbox as Sandbox).then(
        (health) => !health.ok && stop(),
        () => stop(),
      );
    }, WATCHDOG_MS);
    try {
      const answer = await requestRunner(endpoint, { method: 'POST', path: '/invoke', token: this.#token, body: { inputs }, timeoutMs, signal: watchdog.signal });
      return invokeOutcome(answer.body, Date.now() - startedAt);
    } catch (err) {
      if (err instanceof InvokeTimeoutError) return { kind: 'timeout', durationMs: Date.now() - startedAt };
      if (signal?.aborted) throw err;
      return { kind: 'crashed', message: await this.#whyDead(), durationMs: Date.now() - startedAt };
    } finally {
      clearInterval(timer);
      signal?.removeEventListener('abort', stop);
    }
  }

  /** Idempotent. */
  destroy(): Promise<void> {
    this.#destroyed ??= (async () => {
      const sandbox = this.#sandbox;
      if (sandbox) await this.#deps.host.destroy(sandbox.id).catch((err: unknown) => this.#deps.logger.warn({ err, runtimeId: this.id }, 'destroying a warm runtime failed'));
      await this.#deps.store.functionRuntimes.remove(this.id).catch(() => undefined);
    })();
    return this.#destroyed;
  }

  async #waitUntilAnswering(deadlineMs: number): Promise<void> {
    const until = Date.now() + deadlineMs;
    while (Date.now() < until) {
      const answer = await requestRunner(this.#endpoint as SandboxEndpoint, { method: 'GET', path: '/health', token: this.#token, timeoutMs: 1000 }).catch(() => null);
      if (answer?.status === 200) return;
      const health = await this.#deps.host.health(this.#sandbox as Sandbox);
      if (!health.ok) throw new Error(health.reason ?? 'the runner exited');
      await new Promise((r) => setTimeout(r, HEALTH_POLL_MS));
    }
    throw new Error(`the runner did not answer within ${Math.round(deadlineMs / 1000)} s`);
  }

  /** The runner's connection broke: ask the driver why (its exit may take a moment to be seen). */
  async #whyDead(): Promise<string> {
    const sandbox = this.#sandbox as Sandbox;
    let reason = 'the runner closed the connection';
    for (let i = 0; i < 20; i++) {
      const health = await this.#deps.host.health(sandbox);
      if (!health.ok) {
        reason = health.reason ?? 'the runner exited';
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (/oom/i.test(reason)) return `the function ran out of memory (limit ${this.memoryMb} MB) and was killed`;
    return `the function runtime stopped during the call: ${reason}`;
  }

  #log(stream: string, line: string): void {
    this.#logs.push(`${stream}: ${line}`);
    if (this.#logs.length > LOG_LINES_KEPT) this.#logs.shift();
  }
}
