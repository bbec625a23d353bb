export { validateApp, type ValidationResult, type ValidateOptions } from './validate-app.ts';
export { ENTRY_FILES, EXPECTED_APP_BYTES, commandFor, findEntryFile } from '../app-types.ts';
export { loadCuratedPackages, NODE_BUILTINS, type CuratedPackage } from './curated-packages.ts';
