import { useEffect, useState } from 'react';
import type { ConfigView } from '../../../src/api-types.ts';
import { api } from '../api.ts';

/** Used until `/api/config` answers (or if it cannot): the server's documented defaults. */
export const DEFAULT_CONFIG: ConfigView = {
  maxPromptChars: 2000,
  ttl: { defaultSeconds: 7200, minSeconds: 60, maxSeconds: 259_200 },
  generator: 'llm',
  models: [],
  appsDomain: 'localhost',
};
const CACHE_KEY = 'spawnai.config';

export function useConfig(): ConfigView {
  const [config, setConfig] = useState<ConfigView>(() => {
    try {
      return { ...DEFAULT_CONFIG, ...(JSON.parse(localStorage.getItem(CACHE_KEY) ?? '{}') as Partial<ConfigView>) };
    } catch {
      return DEFAULT_CONFIG;
    }
  });
  useEffect(() => {
    const controller = new AbortController();
    api
      .config(controller.signal)
      .then((fresh) => {
        setConfig(fresh);
        localStorage.setItem(CACHE_KEY, JSON.stringify(fresh));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return config;
}
