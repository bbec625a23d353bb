import type { FastifyInstance } from 'fastify';
import { SpawnError } from '../errors/index.ts';

export interface JsonBodyOptions {
  /** Bodies whose arrays and objects nest deeper than this are refused with INPUT_TOO_DEEP. */
  maxDepth: number;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Replaces Fastify's `application/json` parser with the same one (secure-json-parse: `__proto__`
 * and `constructor.prototype` keys refused, empty and malformed bodies answered INVALID_JSON, the
 * instance's body limit) behind a nesting check. The check is one linear scan over the raw text,
 * before anything is parsed, so a body of `[[[[…` costs its length and never a stack frame per
 * level: every handler, and every walk over a request's data, may then rely on the limit.
 *
 * @example installJsonBodyParser(app, { maxDepth: config.http.maxJsonDepth })
 */
export function installJsonBodyParser(app: FastifyInstance, options: JsonBodyOptions): void {
  const { maxDepth } = options;
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestsDeeperThan(text, maxDepth)) {
      const message = `the JSON body nests deeper than ${maxDepth} levels: flatten it, or raise SPAWN_MAX_JSON_DEPTH`;
      done(new SpawnError('INPUT_TOO_DEEP', message, { details: { maxDepth } }), undefined);
      return;
    }
    parse(request, text, done);
  });
}

/**
 * True as soon as the brackets outside string literals open more than `maxDepth` levels. Invalid
 * JSON (unbalanced, unterminated) is left to the parser, which refuses it: the scan only has to be
 * right about valid documents and never slower than linear on anything.
 */
function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++; // the escaped character, a quote included, is not a delimiter
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
