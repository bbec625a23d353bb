import type { SpawnConfig } from '../../config/index.ts';

const MB = 1024 * 1024;
/** Base64 grows bytes by 4/3; the rest of an answer (outputs, logs) fits in the margin. */
const BASE64_GROWTH = 4 / 3;
const ANSWER_MARGIN_BYTES = 32 * MB;

/** The runner's own view of the file limits (it stops early; the host checks again). */
export function runnerFileEnv(config: SpawnConfig): Record<string, string> {
  const { files } = config;
  return {
    SPAWN_OUTPUT_FILES_MAX: String(files.outputMaxFiles),
    SPAWN_OUTPUT_FILES_MAX_BYTES: String(files.outputMaxBytes),
    // A call may carry several input files of up to SPAWN_FILE_MAX_MB each; the body comes from
    // the host only (token-checked), so the cap just bounds a mistake.
    SPAWN_RUNNER_MAX_BODY: String(Math.ceil(ANSWER_MARGIN_BYTES + 16 * files.maxBytes * BASE64_GROWTH)),
  };
}

/** What the host reads of one answer: the output files (base64) plus the usual 32 MB. */
export function maxAnswerBytes(config: SpawnConfig): number {
  return Math.ceil(ANSWER_MARGIN_BYTES + config.files.outputMaxBytes * BASE64_GROWTH);
}
