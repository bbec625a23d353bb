import type { BrowserContext, Page, Route } from 'playwright-core';
import type { SharedBrowser } from './shared-browser.ts';
import { firstLine, isEmpty, runStep, watchPage } from './page-watch.ts';
import { describeStep } from './smoke-steps.ts';
import { outcome, problem, type AppVerifier, type VerificationResult, type VerifyTarget } from './verification.ts';

export interface BrowserVerifierOptions {
  /** The page's `load` event must come within this. */
  loadTimeoutMs?: number;
  /** After `load`, how long to wait at most for the page's own requests (fetches on load) to end. */
  settleMs?: number;
  /** Each smoke step gets this long to find its element or text. */
  stepTimeoutMs?: number;
  /** Checks run at once on this node's browser; more wait their turn (see #slot). */
  maxConcurrent?: number;
  /** Keep one fresh context and page ready for the next check (see #prepare). */
  prepareAhead?: boolean;
  /** The page is settled once none of its own requests has been in flight for this long. */
  quietMs?: number;
  /** Told how long each phase of a check took (context, navigation, settle, steps, screenshot): the benchmark's. */
  trace?: ((phase: string, ms: number) => void) | undefined;
}

/** Default quiet window: see BrowserVerifierOptions.quietMs. */
const QUIET_MS = 100;

/**
 * Loads an app's `GET /` in a fresh context of the shared Chromium, with the context's network
 * confined to the app's own origin, and collects what a person would meet: uncaught exceptions,
 * console errors, the page's own requests that fail, an empty page, and failed smoke steps.
 */
export class BrowserVerifier implements AppVerifier {
  readonly mode = 'browser' as const;
  readonly #browser: SharedBrowser;
  readonly #options: Required<Omit<BrowserVerifierOptions, 'trace'>> & Pick<BrowserVerifierOptions, 'trace'>;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  /** A context and page made ahead, never used: the next check takes it (see #prepare). */
  #spare: Promise<Fresh> | null = null;
  #closed = false;

  constructor(browser: SharedBrowser, options: BrowserVerifierOptions = {}) {
    this.#browser = browser;
    // A step gets 5 s: on a loaded worker (10 checks at once on 2 cores) a click on a present
    // element was seen to need more than 2 s, and a false problem costs a repair round.
    this.#options = { loadTimeoutMs: 10_000, settleMs: 1_500, stepTimeoutMs: 5_000, maxConcurrent: 4, prepareAhead: true, quietMs: QUIET_MS, ...options };
  }

  async verify(target: VerifyTarget, signal?: AbortSignal): Promise<VerificationResult> {
    await this.#slot();
    let after: Promise<void> = Promise.resolve();
    try {
      const checked = await this.#check(target, signal);
      after = checked.after;
      return checked.result;
    } finally {
      // The slot is held until the thumbnail is taken: it is still this check's browser work, and
      // ten checks at once must not become ten screenshots beside four checks.
      void after.then(() => this.#release());
    }
  }

  #release(): void {
    this.#running--;
    const next = this.#waiting.shift();
    if (next) next();
    else this.#prepare();
  }

  /** Called while the model writes the app: launches the browser if needed and makes the spare. */
  prepare(): void {
    this.#prepare();
  }

  /**
   * Most of a check on a tiny page is Chromium making the context's page (a renderer process):
   * 60% of a check on this machine (bench/verify-overhead.ts). Once no check is running, one
   * context is made ahead, so the next check starts at navigation. It is as fresh as one made on
   * demand (never navigated, no route, no storage); only one is kept, and never while checks run,
   * so making it never competes with a check for the CPU.
   */
  #prepare(): void {
    if (!this.#options.prepareAhead || this.#spare || this.#running > 0 || this.#closed) return;
    const spare = this.#open();
    this.#spare = spare;
    spare.catch(() => {
      if (this.#spare === spare) this.#spare = null;
    });
  }

  /**
   * Waits for a free slot. Ten checks at once on a 2-core worker made every one of them slow
   * enough for a smoke step on a working page to time out (bench/verify-overhead.ts): queued,
   * each check gets the CPU it needs. Hand-written: a counter and a FIFO, no dependency for it.
   */
  async #slot(): Promise<void> {
    while (this.#running >= this.#options.maxConcurrent) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running++;
  }

  /** The answer, and `after`: the thumbnail taken and the context closed (never rejects). */
  async #check(target: VerifyTarget, signal?: AbortSignal): Promise<{ result: VerificationResult; after: Promise<void> }> {
    const startedAt = Date.now();
    const trace = this.#options.trace;
    const { context, page } = await this.#fresh();
    trace?.('context', Date.now() - startedAt);
    const abort = (): void => void context.close().catch(() => undefined);
    signal?.addEventListener('abort', abort, { once: true });
    // Closing is not part of the answer: the result is complete, the context goes in the background.
    const release = (): void => {
      signal?.removeEventListener('abort', abort);
      void context.close().catch(() => undefined);
    };
    let thumbnail: Promise<Buffer | null> | null = null;
    try {
      const origin = new URL(target.url).origin;
      await context.route('**/*', (route) => confine(route, origin, target));
      const watch = watchPage(page, origin);
      const problems = watch.problems;
      let mark = Date.now();
      const phase = (name: string): void => {
        trace?.(name, Date.now() - mark);
        mark = Date.now();
      };
      const main = await page.goto(target.url, { waitUntil: 'load', timeout: this.#options.loadTimeoutMs }).catch((err: Error) => {
        problems.push(problem('load-failed', firstLine(err.message), `GET ${new URL(target.url).pathname}`));
        return null;
      });
      phase('navigation');
      if (!main) return { result: outcome(problems, startedAt), after: Promise.resolve() };
      const status = main.status();
      const ok = status >= 200 && status < 300;
      if (!ok && (target.kind === 'api' || status >= 400)) problems.push(problem('http-status', `GET / answered ${status}`, `GET / → ${status}`));
      await watch.settled(this.#options.quietMs, this.#options.settleMs);
      phase('settle');
      if (await isEmpty(page)) problems.push(problem('empty-page', 'the page shows nothing: its body has no visible text or element'));
      for (const [index, step] of (target.smoke ?? []).entries()) {
        watch.during(describeStep(step, index));
        const failure = await runStep(page, step, this.#options.stepTimeoutMs);
        if (failure) problems.push(problem('smoke-step', failure, describeStep(step, index)));
        // Only actions start requests; an expectation waits for the page by itself.
        if (step.action === 'click' || step.action === 'fill') await watch.settled(this.#options.quietMs, this.#options.settleMs);
      }
      watch.during(null);
      phase('steps');
      // The thumbnail (the page once checked, after its smoke steps) is taken after the answer: the
      // session goes live without waiting for Chromium to paint and encode a PNG. Never beside the
      // steps: on a loaded 2-core worker that pushed clicks past their timeout.
      const shot = page.screenshot({ type: 'png', scale: 'css', timeout: 5_000 }).then(
        (png) => {
          trace?.('screenshot', Date.now() - mark);
          return png;
        },
        () => null,
      );
      thumbnail = shot;
      return { result: outcome(problems, startedAt, shot), after: shot.then(release) };
    } finally {
      if (!thumbnail) release();
    }
  }

  async #fresh(): Promise<Fresh> {
    const spare = this.#spare;
    this.#spare = null;
    const ready = spare ? await spare.catch(() => null) : null;
    // A spare from a browser that has since died (OOM, crash) is useless: make one on demand.
    if (ready && !ready.page.isClosed() && ready.context.browser()?.isConnected()) return ready;
    return this.#open();
  }

  async #open(): Promise<Fresh> {
    const browser = await this.#browser.get();
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, serviceWorkers: 'block', acceptDownloads: false });
    return { context, page: await context.newPage() };
  }

  async close(): Promise<void> {
    this.#closed = true;
    const spare = this.#spare;
    this.#spare = null;
    await (await spare?.catch(() => null))?.context.close().catch(() => undefined);
    await this.#browser.close();
  }
}

interface Fresh {
  context: BrowserContext;
  page: Page;
}

async function confine(route: Route, origin: string, target: VerifyTarget): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  if (url.origin !== origin) return route.abort('blockedbyclient');
  if (!target.serve) return route.continue();
  try {
    // A web app's files are answered without looking at headers: the provisional ones do, and cost
    // no round-trip to the browser. An api app's server gets them all (cookies included).
    const headers = target.kind === 'api' ? await request.allHeaders() : request.headers();
    const res = await target.serve({ method: request.method(), path: url.pathname + url.search, headers, body: request.postDataBuffer() });
    await route.fulfill({ status: res.status, headers: res.headers, body: res.body });
  } catch {
    await route.abort('connectionfailed');
  }
}
