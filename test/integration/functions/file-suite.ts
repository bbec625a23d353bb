import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileView, TaskView } from '../../../src/api-types.ts';
import { createToken } from '../../../src/server/auth.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { functionClient, type ErrorBody } from './function-client.ts';

/** Reads the CSV it is given, leaves a plot, a summary and a symlink under ./outputs/, and checks its copy is read-only. */
const PY_FILES = `import os

def main(inputs):
    path = inputs["data"]
    with open(path) as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    try:
        open(path, "a").write("tampered")
        writable = True
    except OSError:
        writable = False
    if inputs.get("write", True):
        with open("outputs/plot.svg", "w") as f:
            f.write('<svg xmlns="http://www.w3.org/2000/svg"><circle r="%d"/></svg>' % len(rows))
        with open("outputs/summary.txt", "w") as f:
            f.write("rows=%d" % len(rows))
        os.symlink("/etc/passwd", "outputs/passwd")
        os.mkfifo("outputs/fifo")
    return {"rows": len(rows), "path": path, "writable": writable, "leftovers": sorted(os.listdir("outputs"))}
`;

const NODE_FILES = `const fs = require('node:fs');
module.exports.main = (i) => {
  const text = fs.readFileSync(i.data, 'utf8');
  fs.writeFileSync('outputs/upper.txt', text.toUpperCase());
  return { length: text.length };
};
`;

/**
 * Files in and out on one runtime: uploads, `{"$file"}` inputs as read-only copies, ./outputs/ as
 * a task's files (no symlink or FIFO followed), limits, owners, and a file passed between steps.
 */
export function defineFileSuite(runtime: 'process' | 'docker', skipReason?: string): void {
  // Skipped only with the runtime's reason (its service is missing: the caller's requireService() fails the run in CI instead).
  describe.skipIf(skipReason !== undefined)(`files in and out on the ${runtime} runtime`, () => {
    let h: Harness;
    let fc: ReturnType<typeof functionClient>;
    const upload = async (name: string, content: string | Buffer, headers: Record<string, string> = {}) => {
      const form = new FormData();
      form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
      const res = await fetch(`${h.base}/api/files`, { method: 'POST', body: form, headers });
      return { status: res.status, body: (await res.json()) as FileView & ErrorBody };
    };
    const download = async (route: string) => {
      const res = await fetch(h.base + route);
      return { status: res.status, text: await res.text(), headers: res.headers };
    };
    beforeAll(async () => {
      h = await startHarness({ SPAWN_RUNTIME: runtime, SPAWN_FUNCTION_MEMORY_MB: '128', SPAWN_FILE_MAX_MB: '0.01', SPAWN_FILE_QUOTA_MB: '0.03', SPAWN_FUNCTION_OUTPUT_FILES_MAX: '3' });
      fc = functionClient(h);
    });
    afterAll(async () => {
      await h?.close();
    });

    it('uploads a file, hands the function a read-only copy and keeps what it wrote under ./outputs/', async () => {
      const up = await upload('../../etc/data set.csv', 'a,1\nb,2\nc,3\n');
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect(up.body).toMatchObject({ name: 'data set.csv', sizeBytes: 12, taskId: null, contentType: 'text/csv' });
      expect((await download(`/api/files/${up.body.id}`)).text).toBe('a,1\nb,2\nc,3\n');

      const fn = await fc.register({ runtime: 'python', code: PY_FILES });
      const task = await fc.run(fn.id, { data: { $file: up.body.id } });
      expect(task.state, JSON.stringify(task.error)).toBe('completed');
      expect(task.outputs).toMatchObject({ rows: 3, writable: false, path: expect.stringMatching(/data set\.csv$/) });
      expect(task.stderr).toMatch(/skipped outputs\/passwd: not a regular file/);
      expect(task.stderr).toMatch(/skipped outputs\/fifo/);
      const listed = await fc.api<{ files: FileView[] }>('GET', `/api/tasks/${task.id}/files`);
      expect(listed.body.files.map((f) => [f.name, f.contentType, f.taskId])).toEqual([
        ['plot.svg', 'image/svg+xml', task.id],
        ['summary.txt', 'text/plain', task.id],
      ]);
      const svg = await download(`/api/tasks/${task.id}/files/plot.svg`);
      expect(svg.text).toContain('<circle r="3"/>');
      // Untrusted bytes on the control plane's origin: a download, sandboxed, never sniffed.
      expect(svg.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(svg.headers.get('content-security-policy')).toContain('sandbox');
      expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await download(`/api/tasks/${task.id}/files/passwd`)).status).toBe(404);
      // The stored upload is unchanged by the function's attempt to write to its copy.
      expect((await download(`/api/files/${up.body.id}`)).text).toBe('a,1\nb,2\nc,3\n');

      // The same warm runtime again: nothing of the last call is left under ./outputs/.
      const again = await fc.run(fn.id, { data: { $file: up.body.id }, write: false });
      expect(again.outputs).toMatchObject({ rows: 3, leftovers: [] });
      expect((await fc.api<{ files: FileView[] }>('GET', `/api/tasks/${again.id}/files`)).body.files).toEqual([]);
    });

    it('works the same for a Node function', async () => {
      const up = await upload('words.txt', 'hello files');
      const fn = await fc.register({ runtime: 'node', code: NODE_FILES });
      const task = await fc.run(fn.id, { data: { $file: up.body.id } });
      expect(task).toMatchObject({ state: 'completed', outputs: { length: 11 } });
      expect((await download(`/api/tasks/${task.id}/files/upper.txt`)).text).toBe('HELLO FILES');
    });

    it('fails a call that leaves too many output files with FUNCTION_OUTPUT_TOO_LARGE', async () => {
      const fn = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    for i in range(5):\n        open("outputs/f%d.txt" % i, "w").write("x")\n    return {}\n' });
      const task = await fc.run(fn.id, {});
      expect(task).toMatchObject({ state: 'failed', error: { code: 'FUNCTION_OUTPUT_TOO_LARGE' } });
      expect(task.error?.message).toMatch(/more than 3 files/);
    });

    it('passes a file from one workflow step to the next with $ref "<step>.files.<name>"', async () => {
      const make = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    open("outputs/table.csv", "w").write("x,y\\n1,%d\\n" % inputs["n"])\n    return {"ok": True}\n' });
      const read = await fc.register({ runtime: 'python', code: 'def main(inputs):\n    return {"text": open(inputs["table"]).read()}\n' });
      const steps = [
        { id: 'make', functionId: make.id, inputs: { n: { $ref: 'inputs.n' } } },
        { id: 'read', functionId: read.id, inputs: { table: { $ref: 'make.files.table.csv' } } },
      ];
      const wf = await fc.api<{ id: string }>('POST', '/api/workflows', { name: `wf-${randomUUID()}`, steps });
      expect(wf.status, JSON.stringify(wf.body)).toBe(201);
      const started = await fc.api<{ id: string }>('POST', `/api/workflows/${wf.body.id}/execute`, { inputs: { n: 7 } });
      const run = await fc.waitRun(started.body.id);
      expect(run.state, JSON.stringify(run)).toBe('completed');
      expect(run.steps.find((s) => s.id === 'read')?.outputs).toEqual({ text: 'x,y\n1,7\n' });
    });

    it('keeps files to their owner, and holds uploads to the size cap and the quota', async () => {
      const mine = await upload('mine.txt', 'secret');
      const bob = { authorization: `Bearer ${await createToken(h.platform.store, `bob-${randomUUID()}`)}` };
      const asBob = functionClient(h, bob);
      expect((await fetch(`${h.base}/api/files/${mine.body.id}`, { headers: bob })).status).toBe(404);
      const fn = await asBob.register({ runtime: 'python', code: 'def main(inputs):\n    return {"text": open(inputs["f"]).read()}\n' });
      const stolen = await asBob.api<ErrorBody>('POST', `/api/functions/${fn.id}/execute`, { inputs: { f: { $file: mine.body.id } }, wait: 30 });
      expect(stolen.status).toBe(404);
      expect(stolen.body.error.code).toBe('FILE_NOT_FOUND');

      const big = await upload('big.bin', Buffer.alloc(11 * 1024), bob);
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('FILE_TOO_LARGE');
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await upload(`part-${i}.bin`, Buffer.alloc(9 * 1024, i), bob);
        codes.push(res.status === 201 ? 'ok' : res.body.error.code);
      }
      expect(codes).toEqual(['ok', 'ok', 'ok', 'FILE_QUOTA_EXCEEDED']);
      const notMultipart = await asBob.api<ErrorBody>('POST', '/api/files', { file: 'x' });
      expect(notMultipart.status).toBe(400);
      expect(notMultipart.body.error.code).toBe('FILE_UPLOAD_INVALID');
    });
  });
}

export type { TaskView };
