import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AppType, SessionState } from '../api-types.ts';
import { fromJson, fromMs, fromMsOrNull, numberOrNull, toJson, toMs, toMsOrNull } from './codec.ts';
import type { SessionsTable } from './schema.ts';
import type { NewSession, PromptImageRef, SessionPatch, SessionRecord, StoredVerification } from './store.ts';

type SessionRow = Selectable<SessionsTable>;

export function sessionFromRow(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    prompt: row.prompt,
    title: row.title,
    appType: row.app_type as AppType,
    appTypeSource: row.app_type_source as SessionRecord['appTypeSource'],
    state: row.state as SessionState,
    progress: Number(row.progress),
    generator: row.generator,
    model: row.model,
    tier: row.tier,
    ttlSeconds: Number(row.ttl_seconds),
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
    runningAt: fromMsOrNull(row.running_at),
    expiresAt: fromMs(row.expires_at),
    destroyedAt: fromMsOrNull(row.destroyed_at),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    estimatedCost: Number(row.estimated_cost),
    actualCost: numberOrNull(row.actual_cost),
    currentVersion: numberOrNull(row.current_version),
    workerId: row.worker_id,
    heartbeatAt: fromMsOrNull(row.heartbeat_at),
    cacheHit: Number(row.cache_hit) === 1,
    cacheBypass: Number(row.cache_bypass) === 1,
    verification: row.verification ? fromJson<StoredVerification>(row.verification) : null,
    promptImage: row.prompt_image ? fromJson<PromptImageRef>(row.prompt_image) : null,
    visibility: row.visibility === 'org' ? 'org' : 'public',
    creatorId: row.creator_id,
  };
}

export function sessionToRow(s: NewSession, nowMs: number): Insertable<SessionsTable> {
  return {
    id: s.id,
    owner_id: s.ownerId,
    // A request's owner id is its organisation's id (see migration 007).
    org_id: s.ownerId,
    creator_id: s.creatorId ?? null,
    visibility: s.visibility ?? 'public',
    prompt: s.prompt,
    title: s.title,
    app_type: s.appType,
    app_type_source: s.appTypeSource,
    state: s.state,
    progress: s.progress ?? 0,
    generator: s.generator,
    model: s.model,
    tier: s.tier,
    ttl_seconds: s.ttlSeconds,
    created_at: toMs(s.createdAt),
    updated_at: nowMs,
    running_at: null,
    expires_at: toMs(s.expiresAt),
    destroyed_at: null,
    error_code: null,
    error_message: null,
    estimated_cost: s.estimatedCost,
    actual_cost: null,
    current_version: null,
    worker_id: null,
    heartbeat_at: null,
    cache_hit: 0,
    cache_bypass: s.cacheBypass === true ? 1 : 0,
    verification: null,
    ...(s.promptImage ? { prompt_image: toJson(s.promptImage) } : {}),
  };
}

/** Only the keys present in the patch become columns; `undefined` leaves a column alone. */
export function patchToRow(patch: SessionPatch): Updateable<SessionsTable> {
  const row: Updateable<SessionsTable> = {};
  const set = <K extends keyof Updateable<SessionsTable>>(key: K, value: Updateable<SessionsTable>[K] | undefined): void => {
    if (value !== undefined) row[key] = value;
  };
  set('prompt', patch.prompt);
  set('title', patch.title);
  set('app_type', patch.appType);
  set('app_type_source', patch.appTypeSource);
  set('progress', patch.progress);
  set('generator', patch.generator);
  set('model', patch.model);
  set('tier', patch.tier);
  set('ttl_seconds', patch.ttlSeconds);
  set('running_at', patch.runningAt === undefined ? undefined : toMsOrNull(patch.runningAt));
  set('expires_at', patch.expiresAt === undefined ? undefined : toMs(patch.expiresAt));
  set('destroyed_at', patch.destroyedAt === undefined ? undefined : toMsOrNull(patch.destroyedAt));
  set('error_code', patch.errorCode);
  set('error_message', patch.errorMessage);
  set('estimated_cost', patch.estimatedCost);
  set('actual_cost', patch.actualCost);
  set('current_version', patch.currentVersion);
  set('worker_id', patch.workerId);
  set('heartbeat_at', patch.heartbeatAt === undefined ? undefined : toMsOrNull(patch.heartbeatAt));
  set('cache_hit', patch.cacheHit === undefined ? undefined : patch.cacheHit ? 1 : 0);
  set('cache_bypass', patch.cacheBypass === undefined ? undefined : patch.cacheBypass ? 1 : 0);
  set('visibility', patch.visibility);
  set('verification', patch.verification === undefined ? undefined : patch.verification === null ? null : toJson(patch.verification));
  return row;
}
