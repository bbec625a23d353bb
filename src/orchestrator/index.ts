export { createPlatform, type Platform, type PlatformOptions } from './platform.ts';
export { parseCreateSession, parseExtend, type CreateSessionInput } from './sessions/session-input.ts';
export { isSessionId } from './ids.ts';
export { SessionEvents, toSessionEvent } from './sessions/session-events.ts';
export { STEP_LABELS } from './progress.ts';
export type { SessionService } from './sessions/session-service.ts';
export { readThumbnail } from './deploy/thumbnail.ts';
export { readPromptImage } from './sessions/prompt-image.ts';
