export type * from './cache.ts';
export { createPromptCache, createResultCache, type CacheOptions } from './create-cache.ts';
