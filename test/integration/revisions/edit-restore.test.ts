import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageList, PostedMessage, RestoredVersion, SessionView, VersionFiles, VersionList } from '../../../src/api-types.ts';
import { messageTexts } from '../../fakes/fake-llm-server.ts';
import { createRunning, editAnswer, eventsOf, fileAnswer, page, server, startLlmHarness, waitForChange, type LlmHarness } from './revision-harness.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('follow-up edits, versions and restore (real AI SDK against the OpenAI fake, process runtime)', () => {
  let t: LlmHarness;
  beforeAll(async () => {
    t = await startLlmHarness({ SPAWN_CACHE: 'off' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('edits a web app at the same URL as version 2, restores version 1 as version 3, and keeps the conversation', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'index.html': page('Count v1') }, 'A counter.') });
    const s = await createRunning(h, { prompt: 'a counter page', appType: 'webapp' });
    expect((await h.app(s.id)).text).toContain('Count v1');

    const before = openai.requests.length;
    openai.script({ text: editAnswer('index.html', '<h1>Count v1</h1>', '<h1>Count v2</h1>', 'The heading now says v2.') });
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'make the heading say v2' });
    expect(posted.status).toBe(202);
    await waitForChange(h, s.id, posted.body.messageId);
    expect(openai.requests.length - before).toBe(1);
    // The model saw the current files and the request; earlier turns come first.
    const sent = messageTexts(openai.requests.at(-1)!);
    expect(sent.at(-1)?.text).toContain('<h1>Count v1</h1>');
    expect(sent.at(-1)?.text).toContain('make the heading say v2');
    expect(sent.some((m) => m.role === 'user' && m.text === 'a counter page')).toBe(true);

    const view = (await h.api<SessionView>('GET', `/api/sessions/${s.id}`)).body;
    expect(view).toMatchObject({ state: 'running', appUrl: `http://${s.id}.localhost:${h.port}/` });
    expect((await h.app(s.id)).text).toContain('Count v2');
    const v2 = (await h.api<VersionList>('GET', `/api/sessions/${s.id}/versions`)).body;
    expect(v2.current).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.source, v.files])).toEqual([
      [1, 'generate', 1],
      [2, 'edit', 1],
    ]);
    expect(v2.versions[1]?.message).toBe('The heading now says v2.');

    const old = await h.api<VersionFiles>('GET', `/api/sessions/${s.id}/files?version=1`);
    expect(old.body.files).toEqual([{ path: 'index.html', size: Buffer.byteLength(page('Count v1')), content: page('Count v1') }]);
    expect((await h.api<VersionFiles>('GET', `/api/sessions/${s.id}/files`)).body.version).toBe(2);

    const restored = await h.api<RestoredVersion>('POST', `/api/sessions/${s.id}/versions/1/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(3);
    expect((await h.app(s.id)).text).toContain('Count v1');
    const v3 = (await h.api<VersionList>('GET', `/api/sessions/${s.id}/versions`)).body;
    expect(v3.current).toBe(3);
    expect(v3.versions[2]).toMatchObject({ version: 3, source: 'restore', files: 1 });
    expect(openai.requests.length - before).toBe(1); // a restore needs no model

    const { messages } = (await h.api<MessageList>('GET', `/api/sessions/${s.id}/messages`)).body;
    expect(messages.map((m) => [m.role, m.content, m.version ?? null])).toEqual([
      ['user', 'a counter page', null],
      ['user', 'make the heading say v2', null],
      ['assistant', 'The heading now says v2.', 2],
      ['user', 'restore version 1', null],
      ['assistant', 'Restored version 1 as version 3.', 3],
    ]);
    // The session stays `running` throughout: the edit's events carry no state change.
    const all = await eventsOf(h, s.id);
    const editEvents = all.slice(all.findIndex((e) => e.type === 'log' && String(e.data.message).startsWith('change requested')));
    expect(editEvents.length).toBeGreaterThan(3);
    expect(editEvents.some((e) => e.type === 'state')).toBe(false);
    expect(editEvents.some((e) => e.type === 'progress' && e.data.step === 'edited')).toBe(true);
    expect(editEvents.some((e) => e.type === 'file' && e.data.path === 'index.html')).toBe(true);
  });

  it('asks for the whole file when a SEARCH block does not match (2 model calls)', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'index.html': page('Hello') }) });
    const s = await createRunning(h, { prompt: 'a hello page', appType: 'webapp' });
    const before = openai.requests.length;
    openai.script({ text: editAnswer('index.html', '<h1>Goodbye</h1>', '<h1>Hi</h1>') }, { text: fileAnswer({ 'index.html': page('Hi there') }) });
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'greet more warmly' });
    const { messages } = await waitForChange(h, s.id, posted.body.messageId);
    expect(openai.requests.length - before).toBe(2);
    expect(messageTexts(openai.requests.at(-1)!).at(-1)?.text).toMatch(/complete new content of index\.html/);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', content: 'changed: index.html', version: 2 });
    expect((await h.app(s.id)).text).toContain('Hi there');
  });

  it('edits a script: it runs again in a fresh sandbox and its new result is served', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'main.js': "console.log('<!doctype html><p>total: 1</p>');" }) });
    const s = await createRunning(h, { prompt: 'a total report', appType: 'script' });
    expect((await h.app(s.id)).text).toContain('total: 1');
    openai.script({ text: editAnswer('main.js', 'total: 1', 'total: 2') });
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'count to two' });
    await waitForChange(h, s.id, posted.body.messageId);
    expect((await h.app(s.id)).text).toContain('total: 2');
    const versions = (await h.api<VersionList>('GET', `/api/sessions/${s.id}/versions`)).body;
    expect(versions.versions.map((v) => [v.version, v.source, v.files])).toEqual([
      [1, 'generate', 1],
      [2, 'edit', 1],
    ]);
    const files = (await h.api<VersionFiles>('GET', `/api/sessions/${s.id}/files?version=2`)).body.files.map((f) => f.path).sort();
    expect(files).toEqual(['main.js', 'result.html']);
    expect((await h.platform.sandboxes!.list()).filter((info) => info.sessionId === s.id)).toEqual([]);
  });

  it('a failed edit leaves the previous version live, with an error event and an explaining message', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'index.html': page('Stable') }) });
    const s = await createRunning(h, { prompt: 'a stable page', appType: 'webapp' });
    openai.script({ text: fileAnswer({ 'index.html': '<!DOCTYPE html><html><body><script src="missing.js"></script></body></html>' }) });
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'load a script' });
    const { messages } = await waitForChange(h, s.id, posted.body.messageId);
    expect(messages.find((m) => m.id === posted.body.messageId)?.status).toBe('failed');
    expect(messages.at(-1)?.role).toBe('assistant');
    expect(messages.at(-1)?.content).toMatch(/GENERATION_FAILED.*missing\.js[\s\S]*version 1 is still live/);
    expect((await h.app(s.id)).text).toContain('Stable');
    const view = (await h.api<SessionView>('GET', `/api/sessions/${s.id}`)).body;
    expect(view.state).toBe('running');
    expect((await eventsOf(h, s.id)).some((e) => e.type === 'error' && e.data.code === 'GENERATION_FAILED')).toBe(true);
    expect((await h.api<VersionList>('GET', `/api/sessions/${s.id}/versions`)).body.current).toBe(1);
  });

  it('edits an api app: the new server answers at the same URL and the old sandbox is gone; restore goes through a worker', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'server.js': server('v1') }) });
    const s = await createRunning(h, { prompt: 'a label api', appType: 'api' });
    expect(JSON.parse((await h.app(s.id)).text)).toEqual({ label: 'v1' });
    const first = await h.platform.store.sandboxes.getLiveBySession(s.id);
    expect(first).not.toBeNull();

    openai.script({ text: editAnswer('server.js', "const label = 'v1';", "const label = 'v2';") });
    // No downtime: the app answers every request while its server is replaced, and the route
    // the proxy reads (the session's live sandbox) always has an address (the proxy caches it
    // for a second, so the store is watched too, to catch a short gap).
    const answers: string[] = [];
    const routes: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const [res, route] = await Promise.all([h.app(s.id), h.platform.store.sandboxes.getLiveBySession(s.id)]);
        answers.push(res.status === 200 ? (JSON.parse(res.text) as { label: string }).label : `HTTP ${res.status}`);
        routes.push(route?.endpoint ? route.id : 'no endpoint');
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const posted = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'label v2' });
    await waitForChange(h, s.id, posted.body.messageId);
    polling = false;
    await poller;
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a !== 'v1' && a !== 'v2')).toEqual([]);
    expect(routes.filter((r) => r === 'no endpoint')).toEqual([]);
    expect(answers.at(-1)).toBe('v2');
    const second = await h.platform.store.sandboxes.getLiveBySession(s.id);
    expect(second?.id).not.toBe(first?.id);
    expect((await h.platform.store.sandboxes.get(first!.id))?.state).toBe('destroyed');
    const live = (await h.platform.sandboxes!.list()).map((info) => info.id);
    expect(live).toContain(second!.id);
    expect(live).not.toContain(first!.id);
    expect(JSON.parse((await h.app(s.id)).text)).toEqual({ label: 'v2' });

    const restored = await h.api<RestoredVersion>('POST', `/api/sessions/${s.id}/versions/1/restore`);
    expect(restored.status).toBe(202);
    await waitForChange(h, s.id, restored.body.messageId);
    expect((await h.api<VersionList>('GET', `/api/sessions/${s.id}/versions`)).body).toMatchObject({ current: 3 });
    expect(JSON.parse((await h.app(s.id)).text)).toEqual({ label: 'v1' });
    const sandboxes = (await h.platform.sandboxes!.list()).filter((info) => info.sessionId === s.id);
    expect(sandboxes).toHaveLength(1);
    await h.api('DELETE', `/api/sessions/${s.id}`);
    await h.waitFor(s.id, ['destroyed']);
    expect((await h.platform.sandboxes!.list()).filter((info) => info.sessionId === s.id)).toEqual([]);
  });

  it('refuses changes that cannot be made, each with its code', async () => {
    const { h, openai } = t;
    openai.script({ text: fileAnswer({ 'index.html': page('Gone soon') }) });
    const s = await createRunning(h, { prompt: 'a short-lived page', appType: 'webapp' });
    const bad = await h.api<ErrorBody>('POST', `/api/sessions/${s.id}/messages`, { prompt: '   ' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'PROMPT_EMPTY']);
    const extra = await h.api<ErrorBody>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'x', model: 'y' });
    expect([extra.status, extra.body.error.code]).toEqual([400, 'UNKNOWN_FIELD']);
    const missing = await h.api<ErrorBody>('POST', `/api/sessions/${s.id}/versions/9/restore`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'VERSION_NOT_FOUND']);
    const noFiles = await h.api<ErrorBody>('GET', `/api/sessions/${s.id}/files?version=9`);
    expect([noFiles.status, noFiles.body.error.code]).toEqual([404, 'VERSION_NOT_FOUND']);

    // One change at a time: a second request while the first is being made is refused.
    openai.script({ text: fileAnswer({ 'index.html': page('Slow') }), delayMs: 100, chunkSize: 10 });
    const firstChange = await h.api<PostedMessage>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'slowly' });
    const busy = await h.api<ErrorBody>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'and another' });
    expect([busy.status, busy.body.error.code]).toEqual([409, 'EDIT_IN_PROGRESS']);
    await waitForChange(h, s.id, firstChange.body.messageId, 60_000);

    await h.api('DELETE', `/api/sessions/${s.id}`);
    await h.waitFor(s.id, ['destroyed']);
    const ended = await h.api<ErrorBody>('POST', `/api/sessions/${s.id}/messages`, { prompt: 'too late' });
    expect([ended.status, ended.body.error.code]).toEqual([409, 'SESSION_NOT_ACTIVE']);
  });
});
