import { parse as parseJs } from 'acorn';
import { Parser } from 'htmlparser2';

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export interface HtmlReport {
  errors: string[];
  scripts: { body: string; type: string | undefined; src: string | undefined }[];
  /** Decoded text of each element by tag name, in document order. */
  texts: Map<string, string[]>;
  tagCounts: Map<string, number>;
}

/**
 * Parses HTML with htmlparser2 and reports what a lenient browser would silently repair: tags
 * closed implicitly (unclosed or mis-nested) and end tags that match nothing open.
 */
export function checkHtml(html: string): HtmlReport {
  const report: HtmlReport = { errors: [], scripts: [], texts: new Map(), tagCounts: new Map() };
  const stack: { name: string; text: string; attribs: Record<string, string> }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        report.tagCounts.set(name, (report.tagCounts.get(name) ?? 0) + 1);
        if (!VOID_ELEMENTS.has(name)) stack.push({ name, text: '', attribs });
      },
      ontext(text) {
        for (const open of stack) open.text += text;
      },
      onclosetag(name, isImplied) {
        if (VOID_ELEMENTS.has(name)) return;
        if (isImplied) report.errors.push(`<${name}> was closed implicitly`);
        const open = stack.pop();
        if (open?.name !== name) {
          report.errors.push(`</${name}> closes <${open?.name ?? 'nothing'}>`);
          return;
        }
        report.texts.set(name, [...(report.texts.get(name) ?? []), open.text]);
        if (name === 'script') report.scripts.push({ body: open.text, type: open.attribs.type, src: open.attribs.src });
      },
      onerror(error) {
        report.errors.push(error.message);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (!/^<!doctype html>/i.test(html.trimStart())) report.errors.push('missing <!doctype html>');
  return report;
}

/** Throws a SyntaxError (with line/column) when `source` is not valid modern JavaScript. */
export function parseScript(source: string, sourceType: 'script' | 'module' = 'script'): void {
  parseJs(source, { ecmaVersion: 'latest', sourceType });
}
