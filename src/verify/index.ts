export { createVerifier, resolveVerifyMode } from './create-verifier.ts';
export { parseSmokeSteps, SMOKE_FILE, SmokeStepSchema, type SmokeStep } from './smoke-steps.ts';
export { VERIFY_MODES, PROBLEM_KINDS, type AppVerifier, type ProblemKind, type VerificationProblem, type VerificationResult, type VerifyMode, type VerifyTarget } from './verification.ts';
