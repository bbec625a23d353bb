export * from './enums.ts';
export { ApiErrorSchema, API_ERRORS, BODY_ERRORS, PUBLIC_ERRORS, errorResponses, shapeError } from './error-schemas.ts';
export { IdParamsSchema, JsonObjectSchema } from './common-schemas.ts';
export * from './session-schemas.ts';
export * from './revision-schemas.ts';
export * from './function-schemas.ts';
export * from './workflow-schemas.ts';
export * from './system-schemas.ts';
export * from './auth-schemas.ts';
