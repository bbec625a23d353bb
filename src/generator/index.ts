export type * from './generator.ts';
export { createGenerator, type ConfiguredGenerator } from './create-generator.ts';
export { inferAppType } from './app-type.ts';
export { titleFromPrompt } from './title.ts';
export { OfflineGenerator } from './offline/offline-generator.ts';
export { validateApp } from './validate/index.ts';
export { EXPECTED_APP_BYTES, loadCuratedPackages } from './validate/index.ts';
export { loadPrompt, type LoadedPrompt } from './prompts/index.ts';
export type { ConversationTurn, EditRequest, EditedApp } from './llm/index.ts';
