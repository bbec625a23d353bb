export { createLlmGenerator, type LlmGeneratorOptions } from './create-llm-generator.ts';
export { LlmGenerator, type ConversationTurn, type EditRequest, type EditedApp, type GenerationContext } from './llm-generator.ts';
export { parseModelChain, defaultModelChain, modelSpec, PROVIDERS, type ModelSpec, type ProviderName, type LlmEnv } from './model-chain.ts';
export { parseFiles, type ParsedOutput } from './protocol/parse-files.ts';
export { FileStreamParser, type FileStreamParserOptions, type ParsedFile, type ParsedEdit } from './protocol/file-stream-parser.ts';
export { parseEditBlocks, applyEditBlocks, type EditBlock } from './protocol/edit-blocks.ts';
export { normalizeAppPath, checkAppFiles, DEFAULT_FILE_LIMITS, type FileLimits } from './file-safety.ts';
export type { GenerationBudget } from './usage-ledger.ts';
export { validateApp, type ValidationResult } from '../validate/index.ts';
