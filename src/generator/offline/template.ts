import type { AppType } from '../../api-types.ts';
import type { AppFile } from '../../runtime/index.ts';

/** A hand-written app the offline generator can personalise with a title. */
export interface Template {
  /** Stable id, recorded on the session as `template`. */
  readonly id: string;
  readonly appType: AppType;
  /** English and French words or phrases that suggest this template (matched accent-insensitively). */
  readonly keywords: readonly string[];
  readonly description: string;
  /** Returns the app's files; `title` is raw text and each template escapes it where it lands. */
  render(title: string): AppFile[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Escapes for HTML and turns every non-printable-ASCII code point into a numeric entity, so the
 * result can sit inside a JS or Python string literal (via JSON.stringify) of an ASCII-only script
 * whatever the sandbox's locale is.
 */
export function escapeHtmlAscii(text: string): string {
  let out = '';
  for (const char of escapeHtml(text)) {
    const code = char.codePointAt(0) ?? 0;
    out += code >= 0x20 && code < 0x7f ? char : `&#x${code.toString(16)};`;
  }
  return out;
}

/** A string literal valid in both JavaScript and Python source (ASCII-only input stays ASCII). */
export function sourceStringLiteral(asciiText: string): string {
  return JSON.stringify(asciiText);
}
