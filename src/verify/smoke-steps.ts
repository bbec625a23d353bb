import { z } from 'zod';

/**
 * `spawnai.smoke.json`: 1–5 steps the model writes to show its app works (click, fill, expect).
 * A missing or invalid file is not an error — the app is still checked on load — so parsing
 * returns null instead of throwing.
 */
export const SMOKE_FILE = 'spawnai.smoke.json';

const selector = z.string().min(1).max(300);
export const SmokeStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('click'), selector }),
  z.object({ action: z.literal('fill'), selector, value: z.string().max(1000) }),
  z.object({ action: z.literal('expectText'), text: z.string().min(1).max(300), selector: selector.optional() }),
  z.object({ action: z.literal('expectElement'), selector }),
]);
export type SmokeStep = z.infer<typeof SmokeStepSchema>;

const SmokeFileSchema = z.union([z.array(SmokeStepSchema).min(1).max(5), z.object({ steps: z.array(SmokeStepSchema).min(1).max(5) }).transform((f) => f.steps)]);

export function parseSmokeSteps(content: string | undefined): SmokeStep[] | null {
  if (content === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return null;
  }
  const parsed = SmokeFileSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function describeStep(step: SmokeStep, index: number): string {
  const what = step.action === 'fill' ? `fill ${step.selector}` : step.action === 'expectText' ? `expect text "${step.text}"${step.selector ? ` in ${step.selector}` : ''}` : `${step.action} ${step.selector}`;
  return `step ${index + 1}: ${what}`;
}
