/**
 * Model routing (SPAWN_MODEL_ROUTING=auto) against strongest-only: cost per session and
 * verification pass rate on a fixed prompt set, with priced fake models.
 *
 * Two fakes on loopback stand in for the chain `anthropic:claude-sonnet-4-5` (strongest, first)
 * and `openai:gpt-4.1-mini` (cheapest), priced from src/config/pricing.ts. The real generator
 * (AI SDK, chain runner, routing rule) writes each app; the real browser verifier checks it; one
 * repair round (the SPAWN_REPAIR_ROUNDS default) goes back to the model that wrote a broken app.
 *
 * What the fakes answer is the assumption, stated: the strongest model writes a working app for
 * every prompt; the cheap one writes a working app for the simple prompts except one, and an app
 * whose script throws on load for every complex prompt (fixed on the repair round). Token counts
 * are scripted per answer (simple apps 3,500 output tokens, complex 9,000; repairs the same), the
 * input is what the fake measures of the real request (characters / 4).
 *
 *   npx tsx bench/model-routing.ts [--quick]
 */
import { DEFAULT_PRICING } from '../src/config/index.ts';
import { appTypeSpec, type GeneratedApp } from '../src/generator/index.ts';
import { classifyRequest, createLlmGenerator, parseModelChain, type ModelRouting } from '../src/generator/llm/index.ts';
import { createLogger } from '../src/log/index.ts';
import { verifyTarget } from '../src/orchestrator/deploy/verify-target.ts';
import { evidenceLines } from '../src/orchestrator/deploy/app-verification.ts';
import { BrowserVerifier } from '../src/verify/browser-verifier.ts';
import { SharedBrowser } from '../src/verify/shared-browser.ts';
import { FakeAnthropic } from '../test/fakes/fake-anthropic.ts';
import { messageTexts, type RecordedRequest, type ScriptedText } from '../test/fakes/fake-llm-server.ts';
import { FakeOpenAI } from '../test/fakes/fake-openai.ts';
import { machine } from './bench-kit.ts';

const quick = process.argv.includes('--quick');
const CHAIN = 'anthropic:claude-sonnet-4-5,openai:gpt-4.1-mini';

const SIMPLE = ['a counter with a button', 'a tip calculator', 'a dice roller', 'a stopwatch', 'a coin flip page', 'a random quote page', 'a color picker', 'a word counter'];
const COMPLEX = [
  'a todo list with categories, due dates, search and a dark mode',
  'a kanban board with columns, drag and drop of cards, labels and due dates',
  'a budget planner with income, expenses, monthly charts, categories and export',
  'a quiz game with a timer, scores, a leaderboard, hints and levels',
  `a recipe book page where I can browse recipes by cuisine, see ingredients and steps, scale servings up or down and keep a shopping list of what is missing, all on one page with a clean layout`,
];
const PROMPTS = quick ? [...SIMPLE.slice(0, 5), ...COMPLEX.slice(0, 3)] : [...SIMPLE, ...COMPLEX];
/** The one simple prompt the cheap model gets wrong on its first try. */
const CHEAP_SLIP = 'a stopwatch';

function page(prompt: string, broken: boolean): string {
  // The broken shape of issue 12: the script looks up an element that is not there and throws on load.
  const id = broken ? 'missing' : 'go';
  const html = `<!DOCTYPE html>\n<html><head><title>${prompt}</title></head><body><h1>${prompt}</h1><button id="go">0</button><script src="app.js"></script></body></html>`;
  const js = `const b = document.getElementById('${id}');\nb.addEventListener('click', () => { b.textContent = String(Number(b.textContent) + 1); });`;
  const smoke = JSON.stringify([{ action: 'click', selector: '#go' }, { action: 'expectText', text: '1', selector: '#go' }]);
  return `<file path="index.html">\n${html}\n</file>\n<file path="app.js">\n${js}\n</file>\n<file path="spawnai.smoke.json">\n${smoke}\n</file>`;
}

function answer(prompt: string, broken: boolean): ScriptedText {
  const outputTokens = classifyRequest(prompt, 'webapp').complexity === 'complex' ? 9_000 : 3_500;
  return { text: page(prompt, broken), usage: { inputTokens: 0, outputTokens } };
}

/** Input tokens as the fake measures the real request; output as scripted. */
function withMeasuredInput(script: ScriptedText): (request: RecordedRequest) => boolean {
  return (request) => {
    if (script.usage) script.usage.inputTokens = Math.ceil(JSON.stringify(request.body).length / 4);
    return true;
  };
}

function askedFor(prompt: string): (request: RecordedRequest) => boolean {
  return (request) => messageTexts(request).some((m) => m.text.includes(`<request>\n${prompt}\n</request>`));
}

interface Row {
  mode: ModelRouting;
  cost: number;
  firstPass: number;
  finalPass: number;
  cheapCalls: number;
  strongCalls: number;
}

const verifier = new BrowserVerifier(new SharedBrowser(createLogger('warn')));

async function run(mode: ModelRouting): Promise<Row> {
  const strong = await FakeAnthropic.start();
  const cheap = await FakeOpenAI.start();
  const env = { ANTHROPIC_API_KEY: 'bench', ANTHROPIC_BASE_URL: strong.baseURL, OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: cheap.baseURL };
  for (const prompt of PROMPTS) {
    const complex = classifyRequest(prompt, 'webapp').complexity === 'complex';
    const first = [answer(prompt, false), answer(prompt, false)];
    const second = [answer(prompt, complex || prompt === CHEAP_SLIP), answer(prompt, false)];
    for (const script of first) strong.scriptWhen((r) => askedFor(prompt)(r) && withMeasuredInput(script)(r), script);
    for (const script of second) cheap.scriptWhen((r) => askedFor(prompt)(r) && withMeasuredInput(script)(r), script);
  }
  const generator = createLlmGenerator({ models: parseModelChain(CHAIN), env, pricing: DEFAULT_PRICING, routing: mode, baseDelayMs: 1 });
  let cost = 0;
  let firstPass = 0;
  let finalPass = 0;
  try {
    for (const [i, prompt] of PROMPTS.entries()) {
      const request = { sessionId: `bench-${mode}-${i}`, prompt, appType: 'webapp' as const, title: prompt, signal: AbortSignal.timeout(60_000) };
      let app: GeneratedApp = await generator.generate(request);
      let result = await verifier.verify(verifyTarget(request.sessionId, appTypeSpec('webapp'), app.files, null));
      if (result.status === 'passed') firstPass++;
      else {
        app = await generator.repair(app, evidenceLines(result.problems), request);
        result = await verifier.verify(verifyTarget(`${request.sessionId}-r`, appTypeSpec('webapp'), app.files, null));
      }
      if (result.status === 'passed') finalPass++;
      cost += app.usage.costUsd;
    }
    strong.assertNoUnexpected();
    cheap.assertNoUnexpected();
    return { mode, cost, firstPass, finalPass, cheapCalls: cheap.requests.length, strongCalls: strong.requests.length };
  } finally {
    await Promise.all([strong.close(), cheap.close()]);
  }
}

const off = await run('off');
const auto = await run('auto');
await verifier.close();

const n = PROMPTS.length;
const simple = PROMPTS.filter((p) => classifyRequest(p, 'webapp').complexity === 'simple').length;
const pct = (k: number): string => `${Math.round((100 * k) / n)}% (${k}/${n})`;
console.log(`\n## Model routing (${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''})\n\nMachine: ${machine()}\n`);
console.log(`${n} webapp prompts (${simple} simple, ${n - simple} complex by the rule), chain \`${CHAIN}\`, prices from src/config/pricing.ts, 1 repair round.\n`);
console.log('| SPAWN_MODEL_ROUTING | cost per session | vs strongest-only | verification passed first try | passed after repair | calls strongest / cheap |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of [off, auto]) {
  const label = row.mode === 'off' ? 'off (strongest only, baseline)' : 'auto';
  console.log(`| ${label} | $${(row.cost / n).toFixed(4)} | ${(row.cost / off.cost).toFixed(2)}× | ${pct(row.firstPass)} | ${pct(row.finalPass)} | ${row.strongCalls} / ${row.cheapCalls} |`);
}
