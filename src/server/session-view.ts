import type { CreatedSession, SessionView } from '../api-types.ts';
import type { SpawnConfig } from '../config/index.ts';
import type { SessionRecord } from '../store/index.ts';

/** Builds `http://<id>.<appsDomain>:<port>/` — each app on its own origin, never a path of the UI's. */
export function appUrlBuilder(config: SpawnConfig, listeningPort: () => number): (id: string) => string {
  return (id) => {
    if (config.publicUrl) {
      const base = new URL(config.publicUrl);
      return `${base.protocol}//${id}.${config.appsDomain}${base.port ? `:${base.port}` : ''}/`;
    }
    return `http://${id}.${config.appsDomain}:${listeningPort()}/`;
  };
}

const SERVES_URL = new Set(['running']);

export function toSessionView(s: SessionRecord, appUrl: (id: string) => string): SessionView {
  return {
    id: s.id,
    state: s.state,
    progress: s.progress,
    prompt: s.prompt,
    title: s.title,
    appType: s.appType,
    generator: s.generator,
    model: s.model,
    appUrl: SERVES_URL.has(s.state) ? appUrl(s.id) : null,
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    destroyedAt: s.destroyedAt?.toISOString() ?? null,
    estimatedCost: s.estimatedCost,
    actualCost: s.actualCost,
    error: s.errorCode ? { code: s.errorCode, message: s.errorMessage ?? '' } : null,
    cached: s.cacheHit,
    verification: s.verification ?? null,
    image: promptImageView(s),
  };
}

/** The image sent with the session's first message, as clients see it: its bytes are at `url`. */
export function promptImageView(s: Pick<SessionRecord, 'id' | 'promptImage'>): SessionView['image'] {
  const image = s.promptImage;
  return image ? { mediaType: image.mediaType, bytes: image.bytes, url: `/api/sessions/${s.id}/image` } : null;
}

export function toCreatedSession(s: SessionRecord, estimatedSeconds: number): CreatedSession {
  return {
    id: s.id,
    state: s.state,
    appType: s.appType,
    generator: s.generator,
    estimatedCost: s.estimatedCost,
    estimatedSeconds,
    expiresAt: s.expiresAt.toISOString(),
    appUrl: null,
    cached: s.cacheHit,
  };
}
