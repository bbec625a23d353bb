import type { Verification } from '../api-types.ts';

/**
 * The lines `spawnai new` prints under the app's URL: what the check before hand-out found, with
 * each problem's place, so a broken app is labelled as plainly as in the web UI.
 */
export function verificationLines(v: Verification | null | undefined): string[] {
  if (!v) return [];
  if (v.status === 'passed') return ['    verification: passed'];
  if (v.status === 'skipped') return ['    verification: skipped (not checked)'];
  const count = v.problems.length === 1 ? '1 problem' : `${v.problems.length} problems`;
  return [`    ⚠ verification: this app has ${count} — ask for a fix in the web UI or with a follow-up edit:`, ...v.problems.map((p) => `      - ${p.where ? `${p.where}: ` : ''}${p.message}`)];
}

/** A column for `spawnai ls`: empty unless the check found problems. */
export function verificationMark(v: Verification | null | undefined): string {
  return v?.status === 'problems' ? `⚠ ${v.problems.length}` : '';
}
