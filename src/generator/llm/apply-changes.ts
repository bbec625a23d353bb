import type { AppFile } from '../../runtime/index.ts';
import { normalizeAppPath } from './file-safety.ts';
import { applyEditBlocks } from './protocol/edit-blocks.ts';
import type { ParsedOutput } from './protocol/parse-files.ts';

export interface ChangeFailure {
  path: string;
  reason: string;
}

export interface AppliedChanges {
  files: AppFile[];
  /** Paths written, edited or created, in answer order. */
  changed: string[];
  deleted: string[];
  /** Edits that could not be applied; their files are left as they were. */
  failed: ChangeFailure[];
}

/**
 * Applies an answer's whole files, SEARCH/REPLACE edits and deletions to a copy of `base` (a dry
 * run: `base` is never modified). Failed edits are reported, not thrown, so the caller can ask the
 * model for those files whole.
 */
export function applyChanges(base: readonly AppFile[], output: Pick<ParsedOutput, 'files' | 'edits' | 'deletes'>, maxDepth?: number): AppliedChanges {
  const files = new Map(base.map((file) => [file.path, file.content]));
  const changed = new Set<string>();
  const failed: ChangeFailure[] = [];
  for (const file of output.files) {
    const path = normalizeAppPath(file.path, maxDepth);
    files.set(path, file.content);
    changed.add(path);
  }
  for (const edit of output.edits) {
    const path = normalizeAppPath(edit.path, maxDepth);
    const current = files.get(path);
    if (edit.blocks === null) {
      failed.push({ path, reason: 'the SEARCH/REPLACE markers are malformed' });
    } else if (current === undefined) {
      failed.push({ path, reason: 'there is no such file to edit' });
    } else {
      const outcome = applyEditBlocks(current, edit.blocks);
      if (outcome.ok) {
        files.set(path, outcome.content);
        changed.add(path);
      } else failed.push({ path, reason: outcome.reason });
    }
  }
  const deleted: string[] = [];
  for (const raw of output.deletes) {
    const path = normalizeAppPath(raw, maxDepth);
    if (files.delete(path)) deleted.push(path);
    changed.delete(path);
  }
  return { files: [...files].map(([path, content]) => ({ path, content })), changed: [...changed], deleted, failed };
}
