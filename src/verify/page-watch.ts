import type { Page, Request } from 'playwright-core';
import type { SmokeStep } from './smoke-steps.ts';
import { problem, type VerificationProblem } from './verification.ts';

/** Chromium reports every failed load twice: as a response and as this console line. */
const RESOURCE_CONSOLE_LINE = /^Failed to load resource/;

/** Collects evidence from the page's events and tracks its own in-flight requests. */
export function watchPage(page: Page, origin: string) {
  const problems: VerificationProblem[] = [];
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  let step: string | null = null;
  /** Woken on every request start and end, so settling is event-driven instead of polled. */
  const waiters = new Set<() => void>();
  const activity = (): void => {
    lastActivity = Date.now();
    for (const wake of waiters) wake();
  };
  const own = (request: Request): URL | null => {
    const url = new URL(request.url());
    return url.origin === origin && url.pathname !== '/favicon.ico' ? url : null;
  };
  const suffix = (): string => (step ? ` (during ${step})` : '');
  page.on('pageerror', (err) => problems.push(problem('exception', err.message, `${locate(err.stack, origin) ?? 'page'}${suffix()}`)));
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || RESOURCE_CONSOLE_LINE.test(msg.text())) return;
    const { url, lineNumber, columnNumber } = msg.location();
    const where = url ? `${url.startsWith(origin) ? url.slice(origin.length) : url}:${lineNumber + 1}:${columnNumber + 1}` : 'console';
    problems.push(problem('console-error', msg.text(), where + suffix()));
  });
  page.on('request', (request) => {
    if (own(request)) inFlight.add(request);
    activity();
  });
  const done = (request: Request): void => {
    inFlight.delete(request);
    activity();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', (request) => {
    done(request);
    const url = own(request);
    if (url && !request.isNavigationRequest()) problems.push(problem('request-failed', request.failure()?.errorText ?? 'network error', `${request.method()} ${url.pathname}${url.search}${suffix()}`));
  });
  page.on('response', (response) => {
    const request = response.request();
    const url = own(request);
    if (url && response.status() >= 400 && !request.isNavigationRequest()) problems.push(problem('request-failed', `answered ${response.status()}`, `${request.method()} ${url.pathname}${url.search} → ${response.status()}${suffix()}`));
  });
  return {
    problems,
    during(description: string | null): void {
      step = description;
    },
    /** Resolves once none of the page's own requests has been in flight for `quietMs`, or after `capMs`. */
    settled(quietMs: number, capMs: number): Promise<void> {
      return new Promise((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const finish = (): void => {
          clearTimeout(timer);
          clearTimeout(cap);
          waiters.delete(check);
          resolve();
        };
        const check = (): void => {
          clearTimeout(timer);
          if (inFlight.size > 0) return;
          const left = quietMs - (Date.now() - lastActivity);
          if (left <= 0) finish();
          else timer = setTimeout(check, left);
        };
        const cap = setTimeout(finish, capMs);
        waiters.add(check);
        check();
      });
    },
  };
}

export async function runStep(page: Page, step: SmokeStep, timeoutMs: number): Promise<string | null> {
  try {
    if (step.action === 'click') await page.locator(step.selector).first().click({ timeout: timeoutMs });
    else if (step.action === 'fill') await page.locator(step.selector).first().fill(step.value, { timeout: timeoutMs });
    else if (step.action === 'expectElement') await page.locator(step.selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
    else {
      const scope = step.selector ? page.locator(step.selector).filter({ hasText: step.text }) : page.getByText(step.text);
      await scope.first().waitFor({ state: 'visible', timeout: timeoutMs });
    }
    return null;
  } catch (err) {
    return firstLine((err as Error).message);
  }
}

export function isEmpty(page: Page): Promise<boolean> {
  return page
    .evaluate(() => {
      const body = document.body;
      if (!body) return true;
      if (body.innerText.trim().length > 0) return false;
      // A canvas game or an image-only page is not empty: any visible element with a size counts.
      for (const el of Array.from(body.querySelectorAll('canvas, img, svg, video, input, button, textarea, select, iframe'))) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) return false;
      }
      return true;
    })
    .catch(() => false);
}

/** `at f (http://x.localhost/app.js:12:5)` → `/app.js:12:5`, the first frame of the app's own code. */
function locate(stack: string | undefined, origin: string): string | null {
  for (const line of (stack ?? '').split('\n')) {
    const match = /(https?:\/\/[^\s)]+):(\d+):(\d+)/.exec(line);
    if (match?.[1]?.startsWith(origin)) return `${match[1].slice(origin.length) || '/'}:${match[2]}:${match[3]}`;
  }
  return null;
}

export function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
