/**
 * Where a process spent its CPU: the server child runs with `--cpu-prof` (see profileArgs), and
 * topFunctions() reads the `.cpuprofile` it writes on exit and ranks functions by self time.
 *
 *   npx tsx bench/cpu-profile.ts <file.cpuprofile> [n]     prints the table for a profile
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Node flags that make a child write a CPU profile into `dir` when it exits (not allowed in NODE_OPTIONS). */
export function profileArgs(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/**
 * The newest main-thread profile written into `dir`, or null. Node names them
 * CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile and also writes one per worker thread — tsx's
 * module loader hooks run in one, which exits last: "newest" alone picked that (thread id ≠ 0).
 */
export function newestProfile(dir: string): string | null {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f)) : [];
  const sorted = files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return sorted[0] ?? null;
}

function where(url: string, line: number): string {
  const short = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*?\/(src|bench|test)\//, '$1/');
  return short ? `${short}:${line + 1}` : '(native)';
}

/** A markdown table of the `n` functions with the most self time, with their share of all samples. */
export function topFunctions(file: string, n = 15): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const totals = new Map<string, number>();
  let all = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    all += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `\`${functionName || '(anonymous)'}\` ${where(url, lineNumber)}`;
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
  const idle = [...totals].filter(([k]) => k.startsWith('`(idle)`')).reduce((a, [, us]) => a + us, 0);
  const rows = [...totals].filter(([k]) => !k.startsWith('`(idle)`')).sort((a, b) => b[1] - a[1]).slice(0, n);
  const busy = Math.max(1, all - idle);
  const lines = [
    `CPU profile of the server: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s wall, ${(busy / 1e6).toFixed(1)} s on CPU (${((100 * busy) / Math.max(1, all)).toFixed(0)}% busy).`,
    '',
    '| function (self time) | where | CPU s | share of busy time |',
    '| --- | --- | --- | --- |',
  ];
  for (const [key, us] of rows) {
    const [name, loc] = [key.slice(0, key.lastIndexOf(' ')), key.slice(key.lastIndexOf(' ') + 1)];
    lines.push(`| ${name} | ${loc} | ${(us / 1e6).toFixed(2)} | ${((100 * us) / busy).toFixed(1)}% |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/cpu-profile.ts <file.cpuprofile> [n]');
  console.log(topFunctions(file, Number(process.argv[3] ?? 15)));
}
