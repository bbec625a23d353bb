export { loadPrompt, PROMPT_NAMES, PROMPT_VERSIONS, type LoadedPrompt, type PromptContext, type PromptName } from './prompt-loader.ts';
