/**
 * Runs every benchmark, one after another (they would skew each other in parallel), each as its
 * own child process (`tsx bench/<script>.ts [--quick]`), and prints their markdown sections.
 *
 *   npm run bench [-- --quick] [-- <name> …]     e.g. `npm run bench -- --quick proxy density`
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** In reading order; scripts another change has not landed yet are skipped. */
const SCRIPTS = [
  'time-to-app.ts',
  'time-to-app-llm.ts',
  'cache-hit.ts',
  'proxy-throughput.ts',
  'control-plane-sse.ts',
  'density.ts',
  'sandbox-startup.ts',
  'functions-bench.ts',
  'verify-overhead.ts',
  'model-routing.ts',
];
const PER_SCRIPT_TIMEOUT_MS = { quick: 90_000, full: 900_000 };

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function runScript(script: string): Promise<{ ok: boolean; markdown: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, script), ...(quick ? ['--quick'] : [])], {
      cwd: path.dirname(here),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    // A whole process group: the benchmark's own server and sandboxes go with it on timeout.
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), quick ? PER_SCRIPT_TIMEOUT_MS.quick : PER_SCRIPT_TIMEOUT_MS.full);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0;
      const why = signal ? `killed by ${signal} (time limit?)` : `exit code ${code}`;
      resolve({ ok, markdown: ok ? out.trim() : `## ${script}: FAILED (${why})\n\n\`\`\`\n${err.trim().split('\n').slice(-15).join('\n')}\n\`\`\``, seconds });
    });
  });
}

const selected = SCRIPTS.filter((s) => fs.existsSync(path.join(here, s)) && (only.length === 0 || only.some((o) => s.includes(o))));
const sections: string[] = [];
const timings: string[] = [];
let failed = 0;
const t0 = Date.now();
for (const script of selected) {
  process.stderr.write(`▶ ${script}${quick ? ' --quick' : ''} … `);
  const r = await runScript(script);
  process.stderr.write(`${r.ok ? 'done' : 'FAILED'} in ${r.seconds.toFixed(1)} s\n`);
  if (!r.ok) failed++;
  sections.push(r.markdown);
  timings.push(`${script} ${r.seconds.toFixed(1)} s`);
}
console.log(sections.join('\n\n'));
console.log(`\n_${selected.length} benchmarks${quick ? ' (--quick)' : ''} in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${timings.join(', ')}._`);
process.exitCode = failed > 0 ? 1 : 0;
