export { ArtifactStore, type ArtifactFile } from './artifact-store.ts';
