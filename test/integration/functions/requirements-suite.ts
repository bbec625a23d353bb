import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionView } from '../../../src/api-types.ts';
import { startHarness, type Harness } from '../../support/platform-harness.ts';
import { startNpmRegistry, startPipIndex, type LocalIndex } from '../../support/package-indexes.ts';
import { functionClient, type ErrorBody } from './function-client.ts';

const TINY_V1 = { 'spawntiny/__init__.py': 'from spawndep import BASE\n\ndef triple(x):\n    return BASE * x\n' };
const PY_USES_TINY = 'import numpy as np\nimport spawntiny\n\ndef main(inputs):\n    return {"t": spawntiny.triple(inputs["x"]), "n": float(np.arange(4).sum())}\n';
const NODE_ESM = "import tiny from 'tiny-npm-pkg';\nexport function main(i) { return { d: tiny.double(i.x) }; }\n";
const NODE_CJS = "const tiny = require('tiny-npm-pkg');\nmodule.exports.main = (i) => ({ d: tiny.double(i.x), v: tiny.version });\n";

/**
 * Per-function requirements on one runtime, with real pip and npm against indexes the test serves:
 * a set is installed once into a layer that functions share, mounted read-only into sandboxes that
 * still have no network; bad specs are refused at registration; a failed install fails the task
 * with the installer's error; unused layers are swept.
 */
export function defineRequirementsSuite(runtime: 'process' | 'docker', skipReason?: string): void {
  if (skipReason) console.warn(`[skip] requirements on ${runtime}: ${skipReason}`);

  // Skipped only with a reason from the caller (engine missing); requireService() fails the run in CI instead.
  describe.skipIf(skipReason !== undefined)(`function requirements on the ${runtime} runtime`, () => {
    let h: Harness;
    let fc: ReturnType<typeof functionClient>;
    let pip: LocalIndex;
    let npm: LocalIndex;
    /** Another host:port: the installer's sandbox must never reach it. */
    let far: LocalIndex;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'spawnai-indexes-'));
      far = await startPipIndex(join(dir, 'far'), [{ name: 'spawnfar', version: '1.0', modules: { 'spawnfar.py': 'X = 1\n' } }]);
      const farOrigin = new URL(far.url).origin;
      const links = { spawnfar: `${farOrigin}/files/spawnfar-1.0-py3-none-any.whl` };
      pip = await startPipIndex(join(dir, 'wheels'), [
        { name: 'spawndep', version: '1.0', modules: { 'spawndep.py': 'BASE = 3\n' } },
        { name: 'spawntiny', version: '1.0', modules: TINY_V1, requires: ['spawndep>=1'] },
        { name: 'spawntiny', version: '2.0', modules: { 'spawntiny/__init__.py': 'def triple(x):\n    return "v2"\n' } },
      ], { links });
      npm = await startNpmRegistry(join(dir, 'npm'), [
        { name: 'tiny-npm-pkg', version: '1.0.0', files: { 'index.js': "module.exports.double = (x) => 2 * x;\nmodule.exports.version = '1.0.0';\n" } },
        { name: 'tiny-npm-pkg', version: '1.1.0', files: { 'index.js': "module.exports.double = (x) => 2 * x;\nmodule.exports.version = '1.1.0';\n" } },
        {
          name: 'tiny-npm-phone',
          version: '1.0.0',
          files: { 'index.js': 'module.exports.ok = true;\n' },
          scripts: { postinstall: `node -e "require('net').connect(${new URL(farOrigin).port}, '127.0.0.1')"` },
        },
      ]);
      // TTL 0: the sweep at the end removes every layer no build is using... and builds unused since now.
      h = await startHarness({ SPAWN_RUNTIME: runtime, SPAWN_PIP_INDEX_URL: pip.url, SPAWN_NPM_REGISTRY: npm.url, SPAWN_LAYER_TTL_DAYS: '0' });
      fc = functionClient(h);
    });
    afterAll(async () => {
      await h?.close();
      await pip?.close();
      await npm?.close();
      await far?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the scientific stack is built in: NumPy, SciPy, pandas, SymPy and Matplotlib (Agg) with no requirements', async () => {
      const code = [
        'import io',
        'import numpy as np, scipy.optimize as so, pandas as pd, sympy',
        'import matplotlib',
        'import matplotlib.pyplot as plt',
        'def main(inputs):',
        '    a = np.array(inputs["m"], dtype=float)',
        '    fig, ax = plt.subplots()',
        '    ax.plot([0, 1, 2], [0, 1, 4])',
        '    png = io.BytesIO()',
        '    fig.savefig(png, format="png")',
        '    return {"x": np.linalg.solve(a, [1.0, 2.0]).round(6).tolist(), "root": round(so.brentq(lambda x: x * x - 2, 0, 2), 6),',
        '            "rows": len(pd.DataFrame({"a": [1, 2, 3]})), "d": str(sympy.diff(sympy.Symbol("x") ** 3)),',
        '            "backend": matplotlib.get_backend(), "png": png.getvalue()[1:4].decode()}',
        '',
      ].join('\n');
      const fn = await fc.register({ runtime: 'python', code });
      expect(fn.build).toBeNull();
      const task = await fc.run(fn.id, { m: [[2, 0], [0, 4]] }, 120);
      expect(task.outputs, JSON.stringify(task.error)).toEqual({ x: [0.5, 0.5], root: 1.414214, rows: 3, d: '3*x**2', backend: 'agg', png: 'PNG' });
    });

    it('a Python function imports NumPy and a package from the index; the layer is built once and shared', async () => {
      const fn = await fc.register({ runtime: 'python', code: PY_USES_TINY, requirements: ['spawntiny<2'] });
      expect(fn.requirements).toEqual(['spawntiny<2']);
      expect(['pending', 'building', 'ready']).toContain(fn.build?.state);
      // Executing before the build is ready waits for it (within `wait`).
      const task = await fc.run(fn.id, { x: 5 }, 120);
      expect(task, JSON.stringify(task.error)).toMatchObject({ state: 'completed', outputs: { t: 15, n: 6 } });
      const built = (await fc.api<FunctionView>('GET', `/api/functions/${fn.id}`)).body.build;
      expect(built).toMatchObject({ state: 'ready', layer: expect.stringMatching(/^l-[0-9a-f]{32}$/) });
      const downloads = pip.downloads();
      expect(downloads).toBe(2); // spawntiny 1.0 and its dependency, nothing else
      // The same set, written differently, by another function: the same build and layer, no download.
      const twin = await fc.register({ runtime: 'python', code: PY_USES_TINY, requirements: [' spawntiny < 2 '] });
      expect(twin.build).toMatchObject({ state: 'ready', layer: built?.layer });
      expect((await fc.run(twin.id, { x: 2 })).outputs).toEqual({ t: 6, n: 6 });
      expect(pip.downloads()).toBe(downloads);
      expect(existsSync(join(h.dataDir, 'layers', built?.layer as string, 'python', 'spawntiny'))).toBe(true);
    });

    it('the layer is read-only inside the sandbox, and the sandbox still has no network', async () => {
      const code = [
        'import os, socket, spawntiny',
        'def main(inputs):',
        '    out = {}',
        '    try:',
        '        open(os.path.join(os.path.dirname(spawntiny.__file__), "x.py"), "w").write("pwned")',
        '        out["write"] = "written"',
        '    except OSError as e:',
        '        out["write"] = type(e).__name__',
        '    try:',
        '        socket.create_connection(("127.0.0.1", int(inputs["port"])), timeout=2)',
        '        out["net"] = "connected"',
        '    except OSError as e:',
        '        out["net"] = type(e).__name__',
        '    return out',
        '',
      ].join('\n');
      const fn = await fc.register({ runtime: 'python', code, requirements: ['spawntiny<2'] });
      const task = await fc.run(fn.id, { port: Number(new URL(pip.url).port) }, 120);
      expect(task.state, JSON.stringify(task.error)).toBe('completed');
      expect((task.outputs as { write: string }).write).not.toBe('written');
      expect((task.outputs as { net: string }).net).not.toBe('connected');
    });

    it('Node functions (ES module and CommonJS) use a package from the npm registry', async () => {
      const esm = await fc.register({ runtime: 'node', code: NODE_ESM, requirements: ['tiny-npm-pkg@^1.0.0'] });
      const first = await fc.run(esm.id, { x: 21 }, 120);
      expect(first.outputs, JSON.stringify(first.error)).toEqual({ d: 42 });
      const cjs = await fc.register({ runtime: 'node', code: NODE_CJS, requirements: ['tiny-npm-pkg@^1.0.0'] });
      const task = await fc.run(cjs.id, { x: 4 }, 120);
      expect(task.outputs, JSON.stringify(task.error)).toEqual({ d: 8, v: '1.1.0' }); // ^1.0.0: the newest 1.x
      expect(npm.downloads()).toBe(1);
    });

    // What follows does not depend on the sandbox runtime: once, on the process runtime (CI time).
    if (runtime !== 'process') return;

    it('refuses requirements that are not plain package specs with 400 FUNCTION_REQUIREMENTS_INVALID', async () => {
      const cases: ['python' | 'node', string][] = [
        ['python', '-e git+https://example.com/x.git'],
        ['python', '--index-url https://evil.example/simple'],
        ['python', 'pkg @ https://example.com/pkg.whl'],
        ['python', './local/dir'],
        ['python', '/abs/path.whl'],
        ['python', 'requests; python_version < "3"'],
        ['node', 'git+https://github.com/a/b.git'],
        ['node', 'file:../x'],
        ['node', 'https://example.com/x.tgz'],
        ['node', 'user/repo'],
        ['node', 'alias@npm:other'],
      ];
      for (const [rt, line] of cases) {
        const code = rt === 'python' ? 'def main(i):\n    return {}\n' : 'module.exports.main = () => ({})\n';
        const res = await fc.api<ErrorBody>('POST', '/api/functions', { name: 'bad-req', runtime: rt, code, requirements: [line] });
        expect(res.status, line).toBe(400);
        expect(res.body.error.code, line).toBe('FUNCTION_REQUIREMENTS_INVALID');
      }
    });

    it("a failed install fails the task with FUNCTION_BUILD_FAILED and the installer's error", async () => {
      const fn = await fc.register({ runtime: 'python', code: 'def main(i):\n    return {}\n', requirements: ['spawn-missing==1.0'] });
      const task = await fc.run(fn.id, {}, 120);
      expect(task.state).toBe('failed');
      expect(task.error?.code).toBe('FUNCTION_BUILD_FAILED');
      expect(task.error?.message).toMatch(/No matching distribution|Could not find a version/);
      const view = (await fc.api<FunctionView>('GET', `/api/functions/${fn.id}`)).body;
      expect(view.build).toMatchObject({ state: 'failed', layer: null, log: expect.stringMatching(/spawn-missing/) });
    });

    it('the installer reaches only the index: a file the index links on another host fails the build, which never connects there', async () => {
      const fn = await fc.register({ runtime: 'python', code: 'import spawnfar\n\ndef main(i):\n    return {}\n', requirements: ['spawnfar==1.0'] });
      const task = await fc.run(fn.id, {}, 120);
      expect(task.state).toBe('failed');
      expect(task.error?.code).toBe('FUNCTION_BUILD_FAILED');
      const farHost = new URL(far.url).host;
      expect(task.error?.message).toContain(`refused connections to ${farHost}: the installer may reach only ${new URL(pip.url).host}`);
      expect(far.connections()).toBe(0);
      expect(pip.connections()).toBeGreaterThan(0); // the index itself was reached through the relay
    });

    it("an npm package's postinstall script reaches nothing (scripts are not run, and the sandbox has no way out)", async () => {
      const fn = await fc.register({ runtime: 'node', code: "const p = require('tiny-npm-phone');\nmodule.exports.main = () => ({ ok: p.ok });\n", requirements: ['tiny-npm-phone@1.0.0'] });
      const task = await fc.run(fn.id, {}, 120);
      expect(task.outputs, JSON.stringify(task.error)).toEqual({ ok: true });
      expect(far.connections()).toBe(0);
    });

    it('sweeps layers unused for SPAWN_LAYER_TTL_DAYS; a later call builds again', async () => {
      const fn = await fc.register({ runtime: 'python', code: PY_USES_TINY, requirements: ['spawntiny<2'] });
      const layer = (await fc.api<FunctionView>('GET', `/api/functions/${fn.id}`)).body.build?.layer as string;
      await new Promise((r) => setTimeout(r, 5)); // a TTL of 0 days: unused from the next millisecond
      await h.platform.functions.sweep();
      expect(existsSync(join(h.dataDir, 'layers', layer))).toBe(false);
      expect((await fc.api<FunctionView>('GET', `/api/functions/${fn.id}`)).body.build).toMatchObject({ state: 'pending', layer: null });
      await h.platform.functions.pool?.clear(); // the warm runtime still holds the old mount
      expect((await fc.run(fn.id, { x: 2 }, 120)).outputs).toEqual({ t: 6, n: 6 });
      expect(existsSync(join(h.dataDir, 'layers', layer))).toBe(true);
    });
  });
}
