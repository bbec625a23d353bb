import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionView } from '../../../src/api-types.ts';
import { createToken } from '../../../src/server/auth.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { functionClient, NODE_MUL, PY_ADD, type ErrorBody } from './function-client.ts';

export const MEMORY_MB = 128;

/**
 * Functions and tasks over HTTP on one sandbox runtime (`process` or `docker`): round trips,
 * checks at registration, failures of every kind, warm reuse and owner separation.
 */
export function defineFunctionSuite(runtime: 'process' | 'docker', skipReason?: string): void {
  if (skipReason) console.warn(`[skip] functions on ${runtime}: ${skipReason}`);

  // Skipped only with a reason from the caller (engine or bubblewrap missing); requireService() fails the run in CI instead.
  describe.skipIf(skipReason !== undefined)(`functions and tasks on the ${runtime} runtime`, () => {
    let h: Harness;
    let fc: ReturnType<typeof functionClient>;
    beforeAll(async () => {
      h = await startHarness({ SPAWN_RUNTIME: runtime, SPAWN_FUNCTION_MEMORY_MB: String(MEMORY_MB), SPAWN_FUNCTION_OUTPUT_MAX_BYTES: '4096' });
      fc = functionClient(h);
    });
    afterAll(async () => {
      await h?.close();
    });

    it('runs a Python and a Node function with JSON in and out, stdout captured', async () => {
      const py = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    print("adding")\n    return {"sum": inputs["a"] + inputs["b"]}\n' });
      expect(py).toMatchObject({ version: 1, runtime: 'python', entrypoint: 'main' });
      const task = await fc.run(py.id, { a: 2, b: 3 });
      expect(task).toMatchObject({ state: 'completed', outputs: { sum: 5 }, functionId: py.id, version: 1, cached: false, error: null, stdout: 'adding\n' });
      const node = await fc.register({ runtime: 'node', code: NODE_MUL });
      expect((await fc.run(node.id, { a: 4, b: 5 })).outputs).toEqual({ product: 20 });
      const esm = await fc.register({ runtime: 'node', code: 'export async function compute(i) { return { twice: i.x * 2 } }\n', entrypoint: 'compute' });
      expect((await fc.run(esm.id, { x: 21 })).outputs).toEqual({ twice: 42 });
      const listed = await fc.api<{ tasks: { id: string }[] }>('GET', `/api/tasks?functionId=${py.id}`);
      expect(listed.body.tasks.map((t) => t.id)).toEqual([task.id]);
    });

    it('registering a name again makes a new version, and tasks record the version they ran', async () => {
      const first = await fc.register({ runtime: 'python', code: PY_ADD, name: 'versioned-add' });
      const second = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    return {"sum": 0}\n', name: 'versioned-add' });
      expect(second).toMatchObject({ id: first.id, version: 2 });
      const task = await fc.run(first.id, { a: 1, b: 1 });
      expect(task).toMatchObject({ version: 2, outputs: { sum: 0 } });
      expect((await fc.api<FunctionView>('GET', `/api/functions/${first.id}`)).body).toMatchObject({ version: 2, code: expect.stringContaining('"sum": 0') });
      expect((await fc.api('DELETE', `/api/functions/${first.id}`)).status).toBe(204);
      expect((await fc.api<ErrorBody>('GET', `/api/functions/${first.id}`)).body.error.code).toBe('FUNCTION_NOT_FOUND');
    });

    it('refuses syntax errors (with the line), missing entrypoints and schema-invalid inputs with 400', async () => {
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ runtime: 'python', code: 'def main(inputs):\n    return {\n' }, 'FUNCTION_SYNTAX_ERROR', /line 2/],
        [{ runtime: 'node', code: 'module.exports.main = (i) => {\n  return i +;\n}\n' }, 'FUNCTION_SYNTAX_ERROR', /line 2/],
        [{ runtime: 'python', code: 'def helper(inputs):\n    return 1\n' }, 'FUNCTION_ENTRYPOINT_MISSING', /main/],
        [{ runtime: 'node', code: 'function main() {}\n' }, 'FUNCTION_ENTRYPOINT_MISSING', /main/],
        [{ runtime: 'python', code: PY_ADD, inputSchema: { type: 'wibble' } }, 'FUNCTION_SCHEMA_INVALID', /inputSchema/],
      ];
      for (const [body, code, message] of cases) {
        const res = await fc.api<ErrorBody>('POST', '/api/functions', { name: 'bad', ...body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe(code);
        expect(res.body.error.message).toMatch(message);
      }
      const schema = { type: 'object', properties: { a: { type: 'number', minimum: 0 }, b: { type: 'number' } }, required: ['a', 'b'] };
      const fn = await fc.register({ runtime: 'python', code: PY_ADD, inputSchema: schema });
      const bad = await fc.api<ErrorBody>('POST', `/api/functions/${fn.id}/execute`, { inputs: { a: -1, b: 'x' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'FUNCTION_INPUT_INVALID', message: expect.stringMatching(/a:.*b:/) });
      expect((await fc.run(fn.id, { a: 1, b: 2 })).outputs).toEqual({ sum: 3 });
    });

    it('an exception fails the task with its traceback; non-JSON outputs fail with a clear reason', async () => {
      const fn = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    return helper(inputs)\n\ndef helper(inputs):\n    return 1 / 0\n' });
      const task = await fc.run(fn.id, {});
      expect(task.state).toBe('failed');
      expect(task.error?.code).toBe('FUNCTION_ERROR');
      expect(task.error?.message).toMatch(/Traceback[\s\S]*line 5, in helper[\s\S]*ZeroDivisionError/);
      const js = await fc.register({ runtime: 'node', code: 'module.exports.main = () => { throw new RangeError("too far") }\n' });
      expect((await fc.run(js.id, {})).error?.message).toMatch(/RangeError: too far/);
      const setFn = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    return {"s": {1, 2}}\n' });
      expect((await fc.run(setFn.id, {})).error).toMatchObject({ code: 'FUNCTION_OUTPUT_INVALID', message: expect.stringMatching(/not JSON-serialisable.*set/) });
    });

    it('a call past its timeout ends in `timeout`, and the next call gets a fresh runtime', async () => {
      const fn = await fc.register({ runtime: 'python', timeoutSeconds: 1, code: 'import time\ndef main(inputs):\n    time.sleep(inputs["sleep"])\n    return {"slept": inputs["sleep"]}\n' });
      const started = Date.now();
      const task = await fc.run(fn.id, { sleep: 30 });
      expect(task.state).toBe('timeout');
      expect(task.error?.code).toBe('FUNCTION_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(15_000);
      expect((await fc.run(fn.id, { sleep: 0 })).outputs).toEqual({ slept: 0 });
    });

    it('an endless stream of output is cut at the cap', async () => {
      const fn = await fc.register({ runtime: 'python', code: 'import sys\ndef main(inputs):\n    for i in range(200000):\n        print("line", i)\n        sys.stderr.write("e" * 100)\n    return {"done": True}\n' });
      const task = await fc.run(fn.id, {});
      expect(task.outputs).toEqual({ done: true });
      expect(task.stdout.length).toBeLessThan(4096 + 200);
      expect(task.stdout).toMatch(/^line 0\n[\s\S]*truncated/);
      expect(task.stderr.length).toBeLessThan(4096 + 200);
    });

    it('a memory bomb is contained: the task fails with a memory reason and the function still works', async () => {
      const fn = await fc.register({ runtime: 'python', code: `def main(inputs):\n    if inputs.get("bomb"):\n        hog = b"x" * (${MEMORY_MB * 4} * 1024 * 1024)\n        return {"size": len(hog)}\n    return {"ok": True}\n` });
      const task = await fc.run(fn.id, { bomb: true });
      expect(task.state).toBe('failed');
      expect(task.error?.message).toMatch(/memory/i);
      expect((await fc.run(fn.id, { bomb: false })).outputs).toEqual({ ok: true });
      expect((await h.api('GET', '/healthz')).status).toBe(200);
    });

    it('no network from inside: the host loopback is not reachable', async (ctx) => {
      // Without bubblewrap there is no network to isolate; CI has bubblewrap (requireService('bwrap') elsewhere fails it otherwise).
      if (h.platform.runtime.isolation === 'none') return ctx.skip('process driver without bubblewrap shares the host network');
      const server: Server = createServer((socket) => socket.end('hello'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      try {
        const code = 'import socket\ndef main(inputs):\n    try:\n        socket.create_connection(("127.0.0.1", inputs["port"]), timeout=2).close()\n        return {"connected": True}\n    except OSError as e:\n        return {"connected": False, "why": str(e)}\n';
        const fn = await fc.register({ runtime: 'python', code });
        expect((await fc.run(fn.id, { port })).outputs).toMatchObject({ connected: false });
      } finally {
        server.close();
      }
    });

    it('a warm call is served by the same runtime without importing the module again', async () => {
      const code = 'import random, os\nMARKER = random.random()\nCALLS = 0\ndef main(inputs):\n    global CALLS\n    CALLS += 1\n    return {"marker": MARKER, "calls": CALLS, "pid": os.getpid()}\n';
      const fn = await fc.register({ runtime: 'python', code });
      const first = await fc.run(fn.id, { n: 1 });
      const second = await fc.run(fn.id, { n: 2 });
      expect(second.outputs).toMatchObject({ marker: (first.outputs as { marker: number }).marker, calls: 2 });
      const js = await fc.register({ runtime: 'node', code: 'const marker = Math.random()\nlet calls = 0\nmodule.exports.main = () => ({ marker, calls: ++calls })\n' });
      const a = await fc.run(js.id, { n: 1 });
      const b = await fc.run(js.id, { n: 2 });
      expect(b.outputs).toMatchObject({ marker: (a.outputs as { marker: number }).marker, calls: 2 });
    });

    it('owners never see or share each other’s functions or runtimes', async () => {
      const bob = functionClient(h, { authorization: `Bearer ${await createToken(h.platform.store, 'bob')}` });
      const code = 'import random\nMARKER = random.random()\ndef main(inputs):\n    return {"marker": MARKER}\n';
      const mine = await fc.register({ runtime: 'python', code, name: 'shared-name' });
      const his = await bob.register({ runtime: 'python', code, name: 'shared-name' });
      expect(his.id).not.toBe(mine.id);
      expect(his.version).toBe(1);
      expect((await bob.api<ErrorBody>('GET', `/api/functions/${mine.id}`)).status).toBe(404);
      const task = await fc.run(mine.id, { x: 1 });
      expect((await bob.api<ErrorBody>('GET', `/api/tasks/${task.id}`)).body.error.code).toBe('TASK_NOT_FOUND');
      const hisTask = await bob.run(his.id, { x: 1 });
      expect(hisTask.cached).toBe(false);
      expect(hisTask.outputs).not.toEqual(task.outputs);
    });

    it('warm runtime sandboxes survive the reaper; closing the pool destroys them', async () => {
      const fn = await fc.register({ runtime: 'python', code: PY_ADD });
      await fc.run(fn.id, { a: 1, b: 2 });
      const sandboxes = h.platform.sandboxes!;
      const pool = h.platform.functions.pool!;
      const listed = async () => (await sandboxes.list()).map((s) => s.id);
      const ours = (await sandboxes.list()).filter((s) => s.sessionId.startsWith('fn-') && pool.has(s.sessionId.slice(3))).map((s) => s.id);
      expect(ours.length).toBeGreaterThan(0);
      await sandboxes.reap(async (sessionId) => h.platform.functions.isSandboxLive(sessionId));
      expect(await listed()).toEqual(expect.arrayContaining(ours));
      await pool.clear();
      expect(pool.size).toBe(0);
      for (const id of ours) expect(await listed()).not.toContain(id);
      expect((await fc.run(fn.id, { a: 2, b: 2 })).outputs).toEqual({ sum: 4 });
    });
  });
}
