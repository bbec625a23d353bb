import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppType, CreatedSession, HealthView, SessionView } from '../../../src/api-types.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import type { RuntimeName } from '../../support/runtimes.ts';
import { freePort, spawnSpawnai, waitHealthy, waitWorkerReady, type NodeProcess } from '../../support/spawn-node.ts';
import { apiAnswer, webappAnswer } from './chaos-answers.ts';
import { sandboxLeftovers, type SandboxLeftovers } from './sandbox-leftovers.ts';

export interface ClusterOptions {
  databaseUrl: string;
  redisUrl: string;
  namespace: string;
  runtime: RuntimeName;
}

export interface Plan {
  /** Seconds the fake model takes to stream the first answer. */
  generationSeconds: number;
  /** api apps: the first answer's server waits this long before listening (a slow deploy). */
  listenDelayMs?: number;
}

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

/**
 * One API node (`up --no-worker`) and two workers (`worker`) sharing PostgreSQL, Redis and a data
 * directory, with the fake OpenAI answering per prompt: the first request of a session gets the
 * slow answer of its plan, every retry after a kill a fast one.
 */
export class ChaosCluster {
  readonly created: CreatedSession[] = [];
  readonly workers: NodeProcess[] = [];
  api!: NodeProcess;
  port = 0;
  readonly leftovers: SandboxLeftovers;
  readonly #env: Record<string, string>;
  /** Every node ever started, killed ones included: their firewall rules must not outlive them. */
  readonly #pids: number[] = [];

  private constructor(
    readonly fake: FakeOpenAI,
    readonly dataDir: string,
    env: Record<string, string>,
    runtime: RuntimeName,
  ) {
    this.#env = env;
    this.leftovers = sandboxLeftovers(runtime, { dataDir, nodePids: () => this.#pids });
  }

  #spawn(args: string[]): NodeProcess {
    const node = spawnSpawnai(args, this.#env);
    if (node.proc.pid) this.#pids.push(node.proc.pid);
    return node;
  }

  static async start(options: ClusterOptions): Promise<ChaosCluster> {
    const fake = await FakeOpenAI.start();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-chaos-'));
    fs.chmodSync(dataDir, 0o755);
    const port = await freePort();
    const cluster = new ChaosCluster(fake, dataDir, {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      SPAWN_REDIS_NAMESPACE: options.namespace,
      SPAWN_DATA_DIR: dataDir,
      SPAWN_PORT: String(port),
      SPAWN_RUNTIME: options.runtime,
      // One idle container per worker: two cores, and a claim still skips the cold start.
      SPAWN_POOL_SIZE: '1',
      SPAWN_MODELS: 'openai:gpt-4.1',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      SPAWN_RECONCILE_INTERVAL_SECONDS: '1',
      SPAWN_JOB_LOCK_SECONDS: '5',
      SPAWN_WORKER_CONCURRENCY: '2',
      SPAWN_MIN_TTL_SECONDS: '5',
      SPAWN_MAX_ACTIVE_SESSIONS: '50',
      SPAWN_MAX_NEW_SESSIONS: '100',
      SPAWN_CACHE: 'off',
    }, options.runtime);
    cluster.port = port;
    try {
      await cluster.startApi();
      cluster.workers.push(cluster.#spawn(['worker']), cluster.#spawn(['worker']));
      await Promise.all(cluster.workers.map((w) => waitWorkerReady(w)));
    } catch (err) {
      await cluster.close().catch(() => undefined);
      throw err;
    }
    return cluster;
  }

  async startApi(): Promise<void> {
    this.api = this.#spawn(['up', '--no-worker']);
    await waitHealthy(this.port, this.api);
  }

  /** SIGKILLs worker `index` and starts a fresh worker process in its place. */
  async replaceWorker(index: number): Promise<void> {
    await this.workers[index]?.kill('SIGKILL');
    this.workers[index] = this.#spawn(['worker']);
    await waitWorkerReady(this.workers[index]);
  }

  /** Every node started and not killed by the test is still alive (none crashed). */
  deadNodes(): string[] {
    return [this.api, ...this.workers].filter((n) => n.proc.exitCode !== null || n.proc.signalCode !== null).map((n) => `pid ${n.proc.pid} exited (${n.proc.exitCode ?? n.proc.signalCode}):\n${n.output()}`);
  }

  async request<T>(method: string, route: string, body?: unknown): Promise<HttpAnswer<T>> {
    const res = await fetch(`http://127.0.0.1:${this.port}${route}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Creates a session whose model answer follows `plan`; returns the API's answer as is. */
  async create(appType: AppType, ttlSeconds: number, plan: Plan): Promise<HttpAnswer<CreatedSession>> {
    const tag = `chaos-${randomBytes(5).toString('hex')}`;
    const mine = (r: { body: unknown }): boolean => JSON.stringify(r.body).includes(tag);
    const listenDelayMs = plan.listenDelayMs ?? 0;
    const first = appType === 'api' ? apiAnswer(tag, plan.generationSeconds, listenDelayMs) : webappAnswer(tag, plan.generationSeconds);
    const retry = appType === 'api' ? apiAnswer(tag, 0.2, 0) : webappAnswer(tag, 0.2);
    this.fake.scriptWhen(mine, first, retry, retry, retry, retry);
    const answer = await this.request<CreatedSession>('POST', '/api/sessions', { prompt: `an app called ${tag}`, appType, ttlSeconds });
    if (answer.status === 201) this.created.push(answer.body);
    return answer;
  }

  async get(id: string): Promise<SessionView> {
    return (await this.request<SessionView>('GET', `/api/sessions/${id}`)).body;
  }

  async waitState(id: string, states: string[], timeoutMs: number): Promise<SessionView> {
    const until = Date.now() + timeoutMs;
    let last: SessionView | undefined;
    while (Date.now() < until) {
      last = await this.get(id).catch(() => last);
      if (last && states.includes(last.state)) {
        this.leftovers.remember();
        return last;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`session ${id} never reached ${states.join('|')} (last ${JSON.stringify(last)})`);
  }

  async health(): Promise<number> {
    return (await this.healthView())?.status ?? 0;
  }

  /** `/healthz` answer, or null when the node does not answer at all. */
  async healthView(): Promise<HttpAnswer<HealthView> | null> {
    return this.request<HealthView>('GET', '/healthz').catch(() => null);
  }

  async close(): Promise<void> {
    if (process.env.CHAOS_DEBUG) {
      for (const [i, n] of [this.api, ...this.workers].entries()) fs.writeFileSync(`/tmp/chaos-node-${i}.log`, n?.output() ?? '');
    }
    await Promise.all([this.api, ...this.workers].map((n) => n?.kill('SIGKILL')));
    await this.fake.close().catch(() => undefined);
    await this.leftovers.cleanup();
    fs.rmSync(this.dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}
