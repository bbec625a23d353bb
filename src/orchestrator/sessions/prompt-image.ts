import type { PromptImage } from '../../generator/index.ts';
import type { SessionRecord, Store } from '../../store/index.ts';

/** The image sent with the session's first message, from the artifact blobs, or null (none sent). */
export async function readPromptImage(store: Store, session: Pick<SessionRecord, 'promptImage'>): Promise<PromptImage | null> {
  const ref = session.promptImage;
  if (!ref) return null;
  const data = await store.artifacts.getBlob(ref.digest);
  return data ? { mediaType: ref.mediaType as PromptImage['mediaType'], data } : null;
}
