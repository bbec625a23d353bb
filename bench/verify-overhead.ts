/**
 * Verification overhead: what checking a web app in the shared headless Chromium costs before its
 * URL is handed out.
 *
 * 1. Per app, the verifier alone (fresh context, load, settle, smoke steps, screenshot) on every
 *    offline web template, one at a time and 10 at once, next to the page's own load time in the
 *    same browser and run (a fresh context, `goto` until `load`, nothing else) — the floor any
 *    browser check pays.
 * 2. Time to app, `POST /api/sessions` → first 200 from the app URL, with the model replaced by
 *    the fake streaming a fixed answer (as in time-to-app-llm.ts), SPAWN_VERIFY=browser against
 *    SPAWN_VERIFY=off in the same run: the ratio is what a person waits more.
 *
 *   npx tsx bench/verify-overhead.ts [--quick]
 */
import { createLogger } from '../src/log/index.ts';
import { OfflineGenerator, appTypeSpec } from '../src/generator/index.ts';
import { TEMPLATES } from '../src/generator/offline/templates/index.ts';
import { verifyTarget } from '../src/orchestrator/deploy/verify-target.ts';
import type { AppFile } from '../src/runtime/index.ts';
import { BrowserVerifier } from '../src/verify/browser-verifier.ts';
import { SharedBrowser } from '../src/verify/shared-browser.ts';
import type { VerifyTarget } from '../src/verify/index.ts';
import { fmt, machine, summary } from './bench-kit.ts';
import { createUntil200, destroyAll, scriptAnswers, startLlmPlatform } from './llm-kit.ts';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 10; // each round checks every web template once
const CONCURRENT = 10;
const SESSIONS = quick ? 4 : 10;
const MODEL_SECONDS = quick ? 0.5 : 1;

const webTemplates = TEMPLATES.filter((t) => t.appType === 'webapp');
const apps: { id: string; files: AppFile[] }[] = [];
for (const template of webTemplates) {
  const app = await new OfflineGenerator({ templates: [template] }).generate({ sessionId: 'bench', prompt: 'bench', appType: 'webapp', title: 'Bench', signal: new AbortController().signal });
  apps.push({ id: template.id, files: app.files });
}
const targetOf = (app: (typeof apps)[number], i: number): VerifyTarget => verifyTarget(`${app.id}-${i}`, appTypeSpec('webapp'), app.files, null);

/** Phase timings inside the verifier, one at a time only (see BrowserVerifierOptions.trace). */
const phases = new Map<string, number[]>();
let tracing = false;
const trace = (phase: string, ms: number): void => {
  if (tracing) phases.set(phase, [...(phases.get(phase) ?? []), ms]);
};
const browser = new SharedBrowser(createLogger('warn'));
const verifier = new BrowserVerifier(browser, { trace });
// A/B in the same run: the same verifier with a 50 ms quiet window instead of the default 100 ms.
const QUIET_B = 50;
const verifierB = new BrowserVerifier(browser, { quietMs: QUIET_B });

/** The page's own load: a fresh context on the same browser, answered by the same handler, until `load`. */
async function loadOnlyMs(target: VerifyTarget): Promise<number> {
  const t0 = performance.now();
  const context = await (await browser.get()).newContext({ viewport: { width: 640, height: 400 } });
  try {
    await context.route('**/*', async (route) => {
      const res = await target.serve!({ method: route.request().method(), path: new URL(route.request().url()).pathname, headers: {}, body: null });
      await route.fulfill(res);
    });
    const page = await context.newPage();
    await page.goto(target.url, { waitUntil: 'load' });
    return performance.now() - t0;
  } finally {
    await context.close();
  }
}

const falseProblems: string[] = [];
const thumbnails: number[] = [];
/**
 * Every template passes when the machine keeps up; a problem here is a false alarm, counted and
 * printed. The figure is the answer (what the session waits for); the thumbnail is taken after it
 * and timed apart, and awaited before the next check as a one-at-a-time node would have it.
 */
async function verifyMs(target: VerifyTarget, using = verifier): Promise<number> {
  const t0 = performance.now();
  const result = await using.verify(target);
  const ms = performance.now() - t0;
  if (result.status !== 'passed') falseProblems.push(`${target.url}: ${JSON.stringify(result.problems)}`);
  const png = await result.thumbnail;
  if (!png) falseProblems.push(`${target.url}: no thumbnail`);
  thumbnails.push(performance.now() - t0 - ms);
  return ms;
}

// Warm-up: the browser's launch is paid once per node, not per app.
await verifyMs(targetOf(apps[0]!, -1));
const load: number[] = [];
const one: number[] = [];
const oneB: number[] = [];
const many: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, app] of apps.entries()) {
    load.push(await loadOnlyMs(targetOf(app, r * 100 + i)));
    tracing = true;
    one.push(await verifyMs(targetOf(app, r * 100 + i)));
    tracing = false;
    oneB.push(await verifyMs(targetOf(app, 5_000 + r * 100 + i), verifierB));
  }
}
const thumbnailsOne = summary(thumbnails.splice(0));
const batches = Math.max(1, Math.round((ROUNDS * apps.length) / CONCURRENT));
for (let b = 0; b < batches; b++) {
  many.push(...(await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => verifyMs(targetOf(apps[i % apps.length]!, 10_000 + b * 100 + i))))));
}
await verifierB.close();
await verifier.close();

/** Time to app through the platform with the fake model, verification on or off. */
async function timeToApp(mode: 'browser' | 'off'): Promise<number[]> {
  const platform = await startLlmPlatform({ SPAWN_VERIFY: mode });
  const out: number[] = [];
  try {
    scriptAnswers(platform.fake, 'webapp', SESSIONS + 1, MODEL_SECONDS);
    // The first session starts the node's browser; later ones meet it warm, as in production.
    const warm = await createUntil200(platform.server.port, 'webapp', 'warm-up page');
    const ids = [warm.id];
    for (let i = 0; i < SESSIONS; i++) {
      const s = await createUntil200(platform.server.port, 'webapp', `bench page ${i}`);
      out.push(s.ms);
      ids.push(s.id);
    }
    await destroyAll(platform.server.port, ids);
  } finally {
    await platform.stop();
  }
  return out;
}
const off = summary(await timeToApp('off'));
const on = summary(await timeToApp('browser'));

const L = summary(load);
const V1 = summary(one);
const V10 = summary(many);
console.log(`\n## Verification overhead (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''})\n\nMachine: ${machine()}\n`);
console.log(`${webTemplates.length} offline web templates with their smoke steps, shared Chromium (${process.env.SPAWN_CHROMIUM_PATH ?? '/usr/bin/chromium'}), ${ROUNDS} rounds.\n`);
console.log('| measure | n | p50 ms | p95 ms | p50 vs page load |');
console.log('| --- | --- | --- | --- | --- |');
console.log(`| page's own load, fresh context → \`load\` (baseline) | ${L.n} | ${fmt(L.p50)} | ${fmt(L.p95)} | 1.00× |`);
console.log(`| verification, 1 at a time | ${V1.n} | ${fmt(V1.p50)} | ${fmt(V1.p95)} | ${(V1.p50 / L.p50).toFixed(2)}× |`);
console.log(`| verification, 1 at a time, quiet window ${QUIET_B} ms (A/B) | ${summary(oneB).n} | ${fmt(summary(oneB).p50)} | ${fmt(summary(oneB).p95)} | ${(summary(oneB).p50 / L.p50).toFixed(2)}× |`);
console.log(`| verification, ${CONCURRENT} at once | ${V10.n} | ${fmt(V10.p50)} | ${fmt(V10.p95)} | ${(V10.p50 / L.p50).toFixed(2)}× |`);
console.log(`\nAfter the answer, 1 at a time: the thumbnail p50 ${fmt(thumbnailsOne.p50)} ms, p95 ${fmt(thumbnailsOne.p95)} ms (off the path).`);
console.log(`Phases of a check, 1 at a time (p50 / p95 ms): ${[...phases].map(([name, ms]) => `${name} ${fmt(summary(ms).p50)} / ${fmt(summary(ms).p95)}`).join(', ')}.`);
console.log(`\nFalse problems (a working template reported broken): ${falseProblems.length} of ${V1.n + oneB.length + V10.n + 1}.${falseProblems.length ? ` ${falseProblems.slice(0, 3).join('; ')}` : ''}`);
console.log(`\nTime to app with the fake model (${MODEL_SECONDS} s answer), ${SESSIONS} sequential webapp sessions each, same run:\n`);
console.log('| SPAWN_VERIFY | n | p50 ms | p95 ms | p50 vs off |');
console.log('| --- | --- | --- | --- | --- |');
console.log(`| off (baseline) | ${off.n} | ${fmt(off.p50)} | ${fmt(off.p95)} | 1.00× |`);
console.log(`| browser | ${on.n} | ${fmt(on.p50)} | ${fmt(on.p95)} | ${(on.p50 / off.p50).toFixed(2)}× |`);
