import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { Logger } from '../log/index.ts';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.SPAWN_CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(executablePath = CHROMIUM_PATH): boolean {
  return existsSync(executablePath);
}

/**
 * One headless Chromium per node, started on first use and kept warm: a launch costs ~300 ms, a
 * fresh context ~10 ms. If the browser dies (OOM, crash) the next check launches a new one.
 * The flags keep it off the network it would otherwise call home to, and off the GPU.
 */
export class SharedBrowser {
  readonly #executablePath: string;
  readonly #logger: Logger;
  #browser: Promise<Browser> | null = null;
  #closing = false;

  constructor(logger: Logger, executablePath = CHROMIUM_PATH) {
    this.#executablePath = executablePath;
    this.#logger = logger;
  }

  get(): Promise<Browser> {
    this.#browser ??= this.#launch();
    return this.#browser;
  }

  async #launch(): Promise<Browser> {
    try {
      const browser = await chromium.launch({
        executablePath: this.#executablePath,
        headless: true,
        timeout: 30_000,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
      });
      browser.on('disconnected', () => {
        if (this.#closing) return;
        this.#logger.warn('verification browser exited; the next check starts a new one');
        this.#browser = null;
      });
      return browser;
    } catch (err) {
      this.#browser = null;
      throw err;
    }
  }

  async close(): Promise<void> {
    const pending = this.#browser;
    this.#closing = true;
    this.#browser = null;
    if (pending) await (await pending.catch(() => null))?.close();
  }
}
