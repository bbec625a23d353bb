/** What one call of a warm runtime came to. */
export type InvokeOutcome =
  | { kind: 'ok'; outputs: unknown; stdout: string; stderr: string; durationMs: number }
  | { kind: 'error'; code: 'FUNCTION_ERROR' | 'FUNCTION_OUTPUT_INVALID'; message: string; stdout: string; stderr: string; durationMs: number }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'crashed'; message: string; durationMs: number };

/** Reads the runner's answer (see runners/*: `{ok, outputs | code + error, stdout, stderr}`). */
export function invokeOutcome(body: Record<string, unknown>, wallMs: number): InvokeOutcome {
  const stdout = typeof body.stdout === 'string' ? body.stdout : '';
  const stderr = typeof body.stderr === 'string' ? body.stderr : '';
  const durationMs = typeof body.durationMs === 'number' ? Math.round(body.durationMs) : wallMs;
  if (body.ok === true) return { kind: 'ok', outputs: body.outputs ?? null, stdout, stderr, durationMs };
  const code = body.code === 'FUNCTION_OUTPUT_INVALID' ? 'FUNCTION_OUTPUT_INVALID' : 'FUNCTION_ERROR';
  const message = typeof body.error === 'string' ? body.error : 'the runner refused the call';
  return { kind: 'error', code, message, stdout, stderr, durationMs };
}
