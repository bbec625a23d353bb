import type { ArtifactStore } from '../../artifacts/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';

/** The PNG the verifier took of the version the session serves, or null (none taken, or not verified). */
export async function readThumbnail(store: Store, artifacts: ArtifactStore, session: SessionRecord): Promise<Buffer | null> {
  if (session.currentVersion === null) return null;
  const digest = (await store.artifacts.getVersion(session.id, session.currentVersion))?.meta.thumbnail;
  return typeof digest === 'string' ? artifacts.readBlob(digest) : null;
}
