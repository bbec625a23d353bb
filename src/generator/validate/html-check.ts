import { Parser } from 'htmlparser2';

export interface InlineScript {
  source: string;
  module: boolean;
  /** 1-based line of the opening tag. */
  line: number;
}

export interface HtmlScan {
  errors: string[];
  inlineScripts: InlineScript[];
  /** Relative URLs of local scripts and stylesheets the page loads. */
  localReferences: string[];
}

const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/**
 * htmlparser2 is lenient (it closes anything at the end), so breakage is detected from what it
 * reports: raw-text elements (<script>, <style>) closed only implicitly mean the rest of the page
 * was swallowed into them.
 */
export function scanHtml(html: string): HtmlScan {
  const errors: string[] = [];
  const inlineScripts: InlineScript[] = [];
  const localReferences: string[] = [];
  let current: { source: string; module: boolean; line: number; collect: boolean } | null = null;
  const lineAt = (index: number): number => html.slice(0, index).split('\n').length;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') {
          const type = (attributes.type ?? '').trim().toLowerCase();
          const src = attributes.src;
          if (src !== undefined) addLocal(localReferences, src);
          current = { source: '', module: type === 'module', line: lineAt(parser.startIndex), collect: src === undefined && SCRIPT_TYPES.has(type) };
        }
        if (name === 'link' && /\bstylesheet\b/i.test(attributes.rel ?? '') && attributes.href !== undefined) {
          addLocal(localReferences, attributes.href);
        }
      },
      ontext(text) {
        if (current !== null) current.source += text;
      },
      onclosetag(name, isImplied) {
        if ((name === 'script' || name === 'style') && isImplied) {
          errors.push(`<${name}> is never closed: add </${name}>`);
        }
        if (name === 'script' && current !== null) {
          if (current.collect && !isImplied) inlineScripts.push({ source: current.source, module: current.module, line: current.line });
          current = null;
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { errors, inlineScripts, localReferences };
}

function addLocal(references: string[], url: string): void {
  const trimmed = url.trim();
  if (trimmed === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(trimmed)) return;
  references.push(trimmed.replace(/[?#].*$/, '').replace(/^\.\//, '').replace(/^\//, ''));
}
