// The table lives with the artifacts: the worker serves an app's files to the verifier the same way.
export { contentTypeFor } from '../artifacts/index.ts';
