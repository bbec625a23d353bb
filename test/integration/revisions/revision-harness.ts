import type { CreatedSession, MessageList, SessionEvent } from '../../../src/api-types.ts';
import type { SpawnEnv } from '../../../src/config/index.ts';
import { FakeOpenAI } from '../../fakes/fake-openai.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';

/** A real platform whose model chain is `openai:gpt-4.1`, answered by the fake on loopback. */
export interface LlmHarness {
  h: Harness;
  openai: FakeOpenAI;
  close(): Promise<void>;
}

export const MODEL = 'openai:gpt-4.1';
/** The default price table's gpt-4.1 rates, USD per million tokens. */
export const PRICE = { input: 2, output: 8 };

export async function startLlmHarness(env: Partial<SpawnEnv> = {}): Promise<LlmHarness> {
  const openai = await FakeOpenAI.start();
  const providerEnv = { SPAWN_MODELS: MODEL, OPENAI_API_KEY: 'test-openai', OPENAI_BASE_URL: openai.baseURL };
  let h: Harness;
  try {
    h = await startHarness({ SPAWN_MAX_ACTIVE_SESSIONS: '50', SPAWN_MAX_NEW_SESSIONS: '100', SPAWN_REPAIR_ROUNDS: '0', ...env }, { providerEnv });
  } catch (err) {
    await openai.close();
    throw err;
  }
  return {
    h,
    openai,
    async close() {
      try {
        openai.assertNoUnexpected();
      } finally {
        await h.close();
        await openai.close();
      }
    },
  };
}

/** `<file>` blocks in the model's output protocol. */
export function fileAnswer(files: Record<string, string>, prose = ''): string {
  return [prose, ...Object.entries(files).map(([path, content]) => `<file path="${path}">\n${content}\n</file>`)].filter((s) => s !== '').join('\n');
}

export function editAnswer(path: string, search: string, replace: string, prose = ''): string {
  return `${prose}\n<edit path="${path}">\n<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE\n</edit>`;
}

export const page = (label: string): string => `<!DOCTYPE html>\n<html><head><title>Counter</title></head><body><h1>${label}</h1></body></html>`;

export const server = (label: string): string =>
  `const http = require('node:http');\nconst label = '${label}';\nhttp.createServer((req, res) => {\n  res.setHeader('content-type', 'application/json');\n  res.end(JSON.stringify({ label }));\n}).listen(process.env.PORT);`;

export async function createRunning(h: Harness, body: Record<string, unknown>): Promise<CreatedSession> {
  const created = await h.api<CreatedSession>('POST', '/api/sessions', body);
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const view = await h.waitFor(created.body.id, ['running', 'failed']);
  if (view.state !== 'running') throw new Error(`session failed: ${JSON.stringify(view.error)}`);
  return created.body;
}

/** Waits until the user message is no longer pending; returns the whole conversation. */
export async function waitForChange(h: Harness, sessionId: string, messageId: string, timeoutMs = 30_000): Promise<MessageList> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await h.api<MessageList>('GET', `/api/sessions/${sessionId}/messages`);
    const message = body.messages.find((m) => m.id === messageId);
    if (message && message.status !== 'pending') return body;
    if (Date.now() > until) throw new Error(`change ${messageId} still pending after ${timeoutMs} ms: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function eventsOf(h: Harness, sessionId: string): Promise<SessionEvent[]> {
  const events = await h.platform.store.events.list(sessionId, 0, 10_000);
  return events.map((e) => ({ seq: e.seq, sessionId: e.sessionId, type: e.type, at: e.at.toISOString(), data: e.data }));
}
