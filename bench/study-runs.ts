/**
 * Part of functions-bench.ts: a study of `runs` points (`POST /api/studies`, one parameter `x`
 * with `runs` values, grid mode) of one Python function on a server with the default limits and
 * warm pool, the result cache off. Wall time = from the POST to the study's last run done
 * (polled every 100 ms, so up to 0.1 s late); runs/s = runs / wall time. One study, not a
 * distribution: the machine's load decides much of it.
 */
import { postJson, startServer } from './bench-kit.ts';

export interface StudyTiming {
  kind: string;
  runs: number;
  wallMs: number;
  completed: number;
  failed: number;
}

const POLL_MS = 100;
const STUDY_DEADLINE_MS = 30 * 60_000;

export async function studyRun(runtime: string, kind: string, code: string, runs: number): Promise<StudyTiming> {
  const server = await startServer({ SPAWN_RUNTIME: runtime, SPAWN_FUNCTION_CACHE_TTL_SECONDS: '0', SPAWN_STUDY_MAX_RUNS: String(Math.max(runs, 1000)) });
  try {
    const fn = await postJson<{ id: string }>(server.port, '/api/functions', { name: `bench-study-${kind}`, runtime: 'python', code });
    if (fn.status !== 201) throw new Error(`register answered ${fn.status} ${JSON.stringify(fn.body)}`);
    // One warm-up call: the study then measures runs, not the first runtime's start.
    const warm = await postJson<{ state: string }>(server.port, `/api/functions/${fn.body.id}/execute`, { inputs: { x: runs }, wait: 120 });
    if (warm.body.state !== 'completed') throw new Error(`warm-up call: ${JSON.stringify(warm.body)}`);
    const t0 = performance.now();
    const parameters = { x: Array.from({ length: runs }, (_, i) => i) };
    const study = await postJson<{ id: string }>(server.port, '/api/studies', { functionId: fn.body.id, parameters, mode: 'grid' });
    if (study.status !== 201) throw new Error(`study answered ${study.status} ${JSON.stringify(study.body)}`);
    const until = Date.now() + STUDY_DEADLINE_MS;
    while (Date.now() < until) {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/studies/${study.body.id}`);
      const body = (await res.json()) as { state: string; progress: { done: number; completed: number; failed: number } };
      if (body.progress.done === runs) {
        return { kind, runs, wallMs: performance.now() - t0, completed: body.progress.completed, failed: body.progress.failed };
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`the ${runs}-run study did not finish in 30 minutes`);
  } finally {
    await server.stop();
  }
}
