import type { AppType } from '../../api-types.ts';
import type { Pricing } from '../../config/index.ts';
import type { ModelSpec } from './model-chain.ts';

export const MODEL_ROUTING_MODES = ['off', 'auto'] as const;
export type ModelRouting = (typeof MODEL_ROUTING_MODES)[number];

/** A request at least this long is complex: long requests describe more than one screen's worth. */
export const LONG_REQUEST_CHARS = 300;
/** A request listing at least this many features is complex. */
export const MANY_FEATURES = 4;
/** Words that make an api app one with storage (CRUD, accounts, persistence). */
const STORAGE_WORDS =
  /\b(stor(?:e|es|ed|age|ing)|sav(?:e|es|ed|ing)|persist\w*|databases?|db|sqlite|postgres\w*|crud|records?|accounts?|users?|log ?in|sign[- ]?(?:in|up)|auth\w*)\b/i;
/** Feature separators: commas, semicolons, "and", "with", "plus", list items. */
const FEATURE_SEPARATORS = /[,;]|\n\s*(?:[-*•]|\d+[.)])\s|\b(?:and|with|plus|also)\b/i;

export interface RequestComplexity {
  complexity: 'simple' | 'complex';
  chars: number;
  features: number;
  /** Why it is complex (empty when simple). */
  because: string[];
}

/** The model chosen for a request and the order the chain is tried in from there. */
export interface RoutingDecision {
  model: ModelSpec;
  /** The chosen model, then the rest of the chain in its configured order (the fallback still applies). */
  order: ModelSpec[];
  complexity: RequestComplexity['complexity'];
  /** One line for the session's events, e.g. `simple request (42 characters, 2 features) → openai:gpt-4.1-mini, the cheapest model of the chain`. */
  reason: string;
}

/**
 * The documented, deterministic rule (README "Model routing"): a request is complex when it is
 * at least LONG_REQUEST_CHARS long, lists at least MANY_FEATURES features (segments between
 * commas, semicolons, "and", "with", "plus", "also" or list items), or asks for an api app with
 * storage; else it is simple. No model call: a classification call would cost more than the
 * difference it makes on short requests.
 */
export function classifyRequest(prompt: string, appType: AppType): RequestComplexity {
  const text = prompt.trim();
  const features = text.split(FEATURE_SEPARATORS).filter((segment) => segment.replace(/[^\p{L}\p{N}]/gu, '').length >= 3).length;
  const because: string[] = [];
  if (text.length >= LONG_REQUEST_CHARS) because.push(`${text.length} characters (≥ ${LONG_REQUEST_CHARS})`);
  if (features >= MANY_FEATURES) because.push(`${features} features (≥ ${MANY_FEATURES})`);
  const storage = appType === 'api' ? STORAGE_WORDS.exec(text) : null;
  if (storage) because.push(`an api app with storage ("${storage[0]}")`);
  return { complexity: because.length > 0 ? 'complex' : 'simple', chars: text.length, features, because };
}

/**
 * The strongest model is the chain's first (the fallback order already says which model is
 * preferred); the cheap one is the chain's model with the lowest price per million tokens
 * (input + output) in the price table. Models without a price are never picked as cheap: their
 * cost is unknown. A simple request starts at the cheap model, a complex one at the strongest;
 * either way the rest of the chain follows in its configured order.
 */
export function routeRequest(prompt: string, appType: AppType, chain: readonly ModelSpec[], prices: Pricing['models']): RoutingDecision {
  const strongest = chain[0];
  if (strongest === undefined) throw new RangeError('routeRequest needs a model chain with at least one model');
  const request = classifyRequest(prompt, appType);
  const cheap = cheapestModel(chain, prices);
  const measured = `${request.chars} characters, ${request.features} feature${request.features === 1 ? '' : 's'}`;
  if (request.complexity === 'complex') {
    return { model: strongest, order: [...chain], complexity: 'complex', reason: `complex request (${request.because.join('; ')}) → ${strongest.id}, the strongest model (first of the chain)` };
  }
  if (cheap === null || cheap.id === strongest.id) {
    return { model: strongest, order: [...chain], complexity: 'simple', reason: `simple request (${measured}) → ${strongest.id}: no cheaper priced model in the chain` };
  }
  const order = [cheap, ...chain.filter((spec) => spec.id !== cheap.id)];
  return { model: cheap, order, complexity: 'simple', reason: `simple request (${measured}) → ${cheap.id}, the cheapest model of the chain` };
}

export function cheapestModel(chain: readonly ModelSpec[], prices: Pricing['models']): ModelSpec | null {
  let best: { spec: ModelSpec; price: number } | null = null;
  for (const spec of chain) {
    const price = prices[spec.id];
    if (price === undefined) continue;
    const total = price.inputPerMTokUsd + price.outputPerMTokUsd;
    if (best === null || total < best.price) best = { spec, price: total };
  }
  return best?.spec ?? null;
}
