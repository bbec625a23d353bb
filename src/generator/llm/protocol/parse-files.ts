import type { AppType } from '../../../api-types.ts';
import { parseFallbackShapes } from './fallback-parser.ts';
import { FileStreamParser, type ParsedEdit, type ParsedFile, type ProtocolResult } from './file-stream-parser.ts';

export interface ParsedOutput {
  files: ParsedFile[];
  edits: ParsedEdit[];
  deletes: string[];
  /** The model's prose around the files (trimmed; empty when there was none). */
  message: string;
  /** Path of a file the answer stopped in the middle of; such an answer must not be deployed. */
  unterminated: string | null;
  shape: 'protocol' | 'json' | 'fenced' | 'none';
}

/** Parses a whole answer at once (tests, and the final pass after streaming). */
export function parseFiles(text: string, options: { appType?: AppType } = {}): ParsedOutput {
  const parser = new FileStreamParser();
  parser.feed(text);
  return resolveOutput(parser.end(), text, options.appType);
}

/**
 * The protocol wins whenever it saw a tag. A protocol block left open stays unterminated (never
 * rescued by the fallback shapes: a cut-off file must not be deployed). Only an answer with no
 * protocol tag at all is read with the fallback shapes.
 */
export function resolveOutput(protocol: ProtocolResult, text: string, appType?: AppType): ParsedOutput {
  if (protocol.sawProtocol) {
    return {
      ...pick(protocol),
      message: protocol.prose.trim(),
      unterminated: protocol.unterminated?.path ?? null,
      shape: 'protocol',
    };
  }
  const fallback = parseFallbackShapes(text, appType);
  return {
    files: fallback.files,
    edits: [],
    deletes: [],
    message: fallback.prose.trim(),
    unterminated: fallback.unterminated,
    shape: fallback.shape,
  };
}

function pick(protocol: ProtocolResult): Pick<ParsedOutput, 'files' | 'edits' | 'deletes'> {
  return { files: protocol.files, edits: protocol.edits, deletes: protocol.deletes };
}
