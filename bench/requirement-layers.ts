/**
 * Part of functions-bench.ts: what a requirement set costs on a function's first call. For each of
 * `n` distinct sets (one tiny wheel version each, from a local PEP 503 index): the first call of a
 * function without requirements (a cold runtime), of a function whose set must be installed first
 * (pip into a new layer, then a cold runtime with it mounted), and of a second function with the
 * same, already-built set (a cold runtime with the existing layer).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPipIndex } from '../test/support/package-indexes.ts';
import { postJson, startServer, type ServerChild } from './bench-kit.ts';

export interface LayerTimings {
  n: number;
  none: number[];
  build: number[];
  built: number[];
}

export async function requirementLayers(runtime: string, n: number, execute: (server: ServerChild, id: string) => Promise<number>): Promise<LayerTimings> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spawnai-bench-index-'));
  const wheels = Array.from({ length: n }, (_, k) => ({ name: 'spawnbench', version: `1.0.${k}`, modules: { 'spawnbench/__init__.py': `VALUE = ${k}\n` } }));
  const pip = await startPipIndex(dir, wheels);
  const server = await startServer({ SPAWN_RUNTIME: runtime, SPAWN_PIP_INDEX_URL: pip.url, SPAWN_FUNCTION_CACHE_TTL_SECONDS: '0' });
  const register = async (name: string, code: string, requirements?: string[]): Promise<string> => {
    const res = await postJson<{ id: string }>(server.port, '/api/functions', { name, runtime: 'python', code, ...(requirements ? { requirements } : {}) });
    if (res.status !== 201) throw new Error(`register answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const timings: LayerTimings = { n, none: [], build: [], built: [] };
  try {
    for (let k = 0; k < n; k++) {
      const code = `import spawnbench\ndef main(inputs):\n    return {"v": spawnbench.VALUE + ${k}}\n`;
      timings.none.push(await execute(server, await register(`plain-${k}`, `def main(inputs):\n    return {"v": ${k}}\n`)));
      timings.build.push(await execute(server, await register(`needs-${k}`, code, [`spawnbench==1.0.${k}`])));
      timings.built.push(await execute(server, await register(`shares-${k}`, code, [`spawnbench==1.0.${k}`])));
    }
    return timings;
  } finally {
    await server.stop();
    await pip.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
