import { MAX_VALUE_DEPTH, nestsDeeperThan } from './json-depth.ts';

/** What one call of a warm runtime came to. */
export type InvokeOutcome =
  | { kind: 'ok'; outputs: unknown; stdout: string; stderr: string; durationMs: number; files?: unknown }
  | { kind: 'error'; code: 'FUNCTION_ERROR' | 'FUNCTION_OUTPUT_INVALID' | 'FUNCTION_OUTPUT_TOO_LARGE'; message: string; stdout: string; stderr: string; durationMs: number }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'crashed'; message: string; durationMs: number };

/** Reads the runner's answer (see runners/*: `{ok, outputs | code + error, stdout, stderr}`). */
export function invokeOutcome(body: Record<string, unknown>, wallMs: number): InvokeOutcome {
  const stdout = typeof body.stdout === 'string' ? body.stdout : '';
  const stderr = typeof body.stderr === 'string' ? body.stderr : '';
  const durationMs = typeof body.durationMs === 'number' ? Math.round(body.durationMs) : wallMs;
  if (body.ok === true) {
    // Outputs are stored, cached, served and fed to later steps, all of which serialise them.
    if (!nestsDeeperThan(body.outputs, MAX_VALUE_DEPTH)) return { kind: 'ok', outputs: body.outputs ?? null, stdout, stderr, durationMs, files: body.files };
    const message = `outputs nest deeper than ${MAX_VALUE_DEPTH} levels: return a flatter structure`;
    return { kind: 'error', code: 'FUNCTION_OUTPUT_INVALID', message, stdout, stderr, durationMs };
  }
  const code = body.code === 'FUNCTION_OUTPUT_INVALID' || body.code === 'FUNCTION_OUTPUT_TOO_LARGE' ? body.code : 'FUNCTION_ERROR';
  const message = typeof body.error === 'string' ? body.error : 'the runner refused the call';
  return { kind: 'error', code, message, stdout, stderr, durationMs };
}
