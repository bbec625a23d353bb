export { ArtifactStore, type ArtifactFile } from './artifact-store.ts';
export { contentTypeFor } from './content-type.ts';
export { requestedPath, staticCandidates } from './static-paths.ts';
