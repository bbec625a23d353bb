import type { Logger } from '../log/index.ts';
import { BrowserVerifier, type BrowserVerifierOptions } from './browser-verifier.ts';
import { HttpVerifier } from './http-verifier.ts';
import { chromiumAvailable, CHROMIUM_PATH, SharedBrowser } from './shared-browser.ts';
import { skipped, type AppVerifier, type VerifyMode } from './verification.ts';

/** `auto` (unset): the browser when Chromium is installed, else plain HTTP. */
export function resolveVerifyMode(requested: VerifyMode | 'auto', executablePath = CHROMIUM_PATH): VerifyMode {
  if (requested !== 'auto') return requested;
  return chromiumAvailable(executablePath) ? 'browser' : 'http';
}

/** The one place that picks a verifier from the configuration. */
export function createVerifier(mode: VerifyMode, logger: Logger, options: BrowserVerifierOptions & { executablePath?: string } = {}): AppVerifier {
  if (mode === 'browser') return new BrowserVerifier(new SharedBrowser(logger, options.executablePath), options);
  if (mode === 'http') return new HttpVerifier({ timeoutMs: options.loadTimeoutMs });
  return { mode: 'off', verify: async () => skipped(), close: async () => undefined };
}
