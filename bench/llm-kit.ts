import fs from 'node:fs';
import path from 'node:path';
import type { AppType, SessionView } from '../src/api-types.ts';
import type { ScriptedText } from '../test/fakes/fake-llm-server.ts';
import { FakeOpenAI } from '../test/fakes/fake-openai.ts';
import { asksFor, slowApiAnswer, slowWebappAnswer } from '../test/support/slow-app-answers.ts';
import { unmountAllUnder } from '../test/support/sandbox-mounts.ts';
import { pidsMatching } from '../test/support/spawn-node.ts';
import { getStatus, postJson, startServer, type ServerChild } from './bench-kit.ts';

/**
 * The model, replaced: a local fake speaking OpenAI's streaming protocol that streams a fixed
 * answer at a fixed rate, so the figures measure SpawnAI and not a provider.
 */
export interface LlmPlatform {
  server: ServerChild;
  fake: FakeOpenAI;
  stop(): Promise<void>;
}

export function answerFor(appType: 'webapp' | 'api', title: string, modelSeconds: number): ScriptedText {
  return appType === 'api' ? slowApiAnswer(title, modelSeconds) : slowWebappAnswer(title, modelSeconds);
}

/** `spawnai up` (embedded SQLite, in-process queue) generating through the fake. */
export async function startLlmPlatform(env: Record<string, string> = {}): Promise<LlmPlatform> {
  const fake = await FakeOpenAI.start();
  const server = await startServer({ SPAWN_MODELS: 'openai:gpt-4.1', OPENAI_API_KEY: 'bench-key', OPENAI_BASE_URL: fake.baseURL, SPAWN_WORKER_CONCURRENCY: '64', ...env });
  return {
    server,
    fake,
    async stop() {
      await stopServer(server);
      await fake.close();
    },
  };
}

/**
 * Stops the server, then waits for its sandboxes (which die with it, a moment later) before
 * removing the data directory: removing it under a live sandbox fails with EBUSY.
 */
export async function stopServer(server: ServerChild): Promise<void> {
  if (server.proc.exitCode === null) {
    const exited = new Promise((r) => server.proc.once('exit', r));
    server.proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
    server.proc.kill('SIGKILL');
  }
  const sandboxes = path.join(server.dataDir, 'sandboxes');
  for (let i = 0; i < 100 && (await pidsMatching(sandboxes)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  unmountAllUnder(server.dataDir);
  fs.rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** Queues `n` answers of `appType` on the fake (matched by app type, so order does not matter). */
export function scriptAnswers(fake: FakeOpenAI, appType: 'webapp' | 'api', n: number, modelSeconds: number): void {
  const answers = Array.from({ length: n }, (_, i) => answerFor(appType, `Bench ${i}`, modelSeconds));
  fake.scriptWhen(asksFor(appType), ...answers);
}

/**
 * The model's own time, measured in the same run: the same fixed answer streamed from the fake
 * straight to a client that reads it to the end (no SpawnAI involved).
 */
export async function modelStreamMs(fake: FakeOpenAI, appType: 'webapp' | 'api', n: number, modelSeconds: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    fake.script(answerFor(appType, `Baseline ${i}`, modelSeconds));
    const t0 = performance.now();
    const res = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4.1', stream: true, messages: [{ role: 'user', content: 'baseline' }] }),
    });
    await res.text();
    out.push(performance.now() - t0);
  }
  return out;
}

export interface TimedSession {
  id: string;
  ms: number;
  view?: SessionView;
}

/** POST /api/sessions → first 200 from the app's own origin. */
export async function createUntil200(port: number, appType: AppType, prompt: string, extra: Record<string, unknown> = {}): Promise<TimedSession> {
  const t0 = performance.now();
  const { status, body } = await postJson<{ id: string; error?: { code: string } }>(port, '/api/sessions', { prompt, appType, ...extra });
  if (status !== 201) throw new Error(`POST /api/sessions answered ${status} ${body.error?.code ?? ''}`);
  const host = `${body.id}.localhost:${port}`;
  const until = Date.now() + 120_000;
  for (let polls = 1; ; polls++) {
    if ((await getStatus(port, host)) === 200) return { id: body.id, ms: performance.now() - t0 };
    // Now and then, ask whether it failed: a failed session never answers 200.
    if (polls % 200 === 0 || Date.now() > until) {
      const view = await getSession(port, body.id);
      if (view.state === 'failed' || Date.now() > until) throw new Error(`session ${body.id} is ${view.state}: ${JSON.stringify(view.error)}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function getSession(port: number, id: string): Promise<SessionView> {
  return (await fetch(`http://127.0.0.1:${port}/api/sessions/${id}`)).json() as Promise<SessionView>;
}

/** DELETEs every session and waits until each is destroyed, so the next batch starts clean. */
export async function destroyAll(port: number, ids: string[], timeoutMs = 60_000): Promise<void> {
  await Promise.all(ids.map((id) => fetch(`http://127.0.0.1:${port}/api/sessions/${id}`, { method: 'DELETE' }).then((r) => r.arrayBuffer())));
  const until = Date.now() + timeoutMs;
  for (const id of ids) {
    while (Date.now() < until && !['destroyed', 'failed'].includes((await getSession(port, id)).state)) await new Promise((r) => setTimeout(r, 50));
  }
}
