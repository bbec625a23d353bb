import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeOnEachRuntime } from './support/security-harness.ts';

const SERVER = `require('node:http').createServer((q, r) => r.end('ok')).listen(process.env.PORT);`;

/** Every file under `dir` (not following links) whose name contains `needle`. */
function filesNamed(dir: string, needle: string, depth = 6): string[] {
  const found: string[] = [];
  const walk = (current: string, left: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.name.includes(needle)) found.push(full);
      if (entry.isDirectory() && left > 0) walk(full, left - 1);
    }
  };
  walk(dir, depth);
  return found;
}

/** Class 5: hostile paths and sizes in the model's answer fail the session and write nothing anywhere. */
describeOnEachRuntime('hostile file names', (h) => {
  it('refuses traversal, absolute, link-like and odd paths with UNSAFE_FILE_PATH', async () => {
    const tag = `pwned-${randomUUID()}`;
    const paths = [
      `../${tag}.js`,
      `a/../../${tag}.js`,
      `/tmp/${tag}.js`,
      `${path.join(h.dataDir, tag)}.js`,
      `~/${tag}.js`,
      `C:/${tag}.js`,
      `..\\\\${tag}.js`,
      `..%2f${tag}.js`,
      `\u2024\u2024/${tag}.js`,
      `index.js@/etc/passwd/${tag}`,
      `lnk:${tag}.js`,
      `node_modules/../../${tag}.js`,
      `./././../${tag}.js`,
      `a//${tag}.js`,
      `CON/${tag}.js`,
      `x/\u202e${tag}.js`,
    ];
    const sessions = await Promise.all(
      paths.map((bad) => h.deploy('api', `<file path="server.js">\n${SERVER}\n</file>\n<file path="${bad}">\nconsole.log('${tag}')\n</file>\n`)),
    );
    sessions.forEach((s, i) => {
      expect(s.state, paths[i]).toBe('failed');
      expect(s.error?.code, `${paths[i]}: ${s.error?.message}`).toBe('UNSAFE_FILE_PATH');
    });
    for (const dir of [h.dataDir, path.dirname(h.dataDir), os.tmpdir(), process.cwd(), '/']) {
      expect(filesNamed(dir, tag, dir === h.dataDir ? 8 : 1), `nothing named ${tag} under ${dir}`).toEqual([]);
    }
    for (const s of sessions) expect(await h.sandboxOf(s.id), 'the sandbox prepared in parallel is freed').toBeNull();
    const driverSandboxes = (await h.platform.sandboxes?.list()) ?? [];
    const ours = new Set(sessions.map((s) => s.id));
    expect(driverSandboxes.filter((sbx) => ours.has(sbx.sessionId))).toEqual([]);
  });

  it('refuses a huge file, a huge app and thousands of files with APP_TOO_LARGE', async () => {
    const huge = `<file path="server.js">\n${SERVER}\n</file>\n<file path="data.txt">\n${'A'.repeat(600 * 1024)}\n</file>\n`;
    const wide =
      `<file path="server.js">\n${SERVER}\n</file>\n` +
      Array.from({ length: 6 }, (_, i) => `<file path="part${i}.txt">\n${'B'.repeat(400 * 1024)}\n</file>\n`).join('');
    const many = `<file path="server.js">\n${SERVER}\n</file>\n` + Array.from({ length: 3000 }, (_, i) => `<file path="f/${i}.txt">\n${i}\n</file>\n`).join('');
    const sessions = await Promise.all([huge, wide, many].map((answer) => h.deploy('api', answer)));
    for (const s of sessions) {
      expect(s.state).toBe('failed');
      expect(s.error?.code, s.error?.message).toBe('APP_TOO_LARGE');
      expect(await h.sandboxOf(s.id)).toBeNull();
      expect(await h.platform.artifacts.readFile(s.id, 1, 'server.js')).toBeNull();
    }
    await h.assertHealthy();
  });
});
