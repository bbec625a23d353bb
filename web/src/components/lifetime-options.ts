import type { ConfigView } from '../../../src/api-types.ts';

const PRESET_HOURS = [2, 24, 72];

/** The 2 h / 24 h / 72 h presets the server allows; its default alone when none fits. */
export function lifetimeOptionsSeconds(ttl: ConfigView['ttl']): number[] {
  const fitting = PRESET_HOURS.map((h) => h * 3600).filter((s) => s >= ttl.minSeconds && s <= ttl.maxSeconds);
  return fitting.length > 0 ? fitting : [ttl.defaultSeconds];
}

export function defaultLifetimeSeconds(ttl: ConfigView['ttl']): number {
  const options = lifetimeOptionsSeconds(ttl);
  return options.includes(ttl.defaultSeconds) ? ttl.defaultSeconds : (options[0] ?? ttl.defaultSeconds);
}

export const hoursOf = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
