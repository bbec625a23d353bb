export { ERROR_CODES, type ErrorCode } from './error-codes.ts';
export { SpawnError, isSpawnError, toSpawnError } from './spawn-error.ts';
