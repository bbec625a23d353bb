import { TERMINAL_STATES, type AppType } from '../../api-types.ts';
import type { SpawnConfig } from '../../config/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { createHash } from 'node:crypto';
import { inferAppType, parseModelChain, titleFromPrompt, visionModels, type Generator, type PromptImage } from '../../generator/index.ts';
import type { JobQueue } from '../../queue/index.ts';
import type { PromptImageRef, SessionRecord, Store } from '../../store/index.ts';
import { estimateCost, estimateSeconds } from '../cost.ts';
import { expectedGenerationUsd } from '../generation-cost.ts';
import { newSessionId, isSessionId } from '../ids.ts';
import type { Lifecycle } from './lifecycle.ts';
import { checkOwnerLimits } from './limits.ts';
import type { Metrics } from '../metrics.ts';
import { STATE_PROGRESS } from '../progress.ts';
import type { CreateSessionInput } from './session-input.ts';
import type { SessionEvents } from './session-events.ts';

export interface CreatedSessionResult {
  session: SessionRecord;
  estimatedSeconds: number;
}

export interface SessionServiceDeps {
  store: Store;
  queue: JobQueue;
  events: SessionEvents;
  lifecycle: Lifecycle;
  generator: Generator;
  config: SpawnConfig;
  metrics: Metrics;
  /** The model chain (empty with offline templates): prices the expected generation. */
  models?: readonly string[];
}

/** What the API and CLI ask of sessions; ownership is checked here, once. */
export class SessionService {
  readonly #d: SessionServiceDeps;

  constructor(deps: SessionServiceDeps) {
    this.#d = deps;
  }

  get generatorName(): string {
    return this.#d.generator.name;
  }

  async create(ownerId: string, input: CreateSessionInput): Promise<CreatedSessionResult> {
    const { store, config } = this.#d;
    const now = new Date();
    await checkOwnerLimits(store, config, ownerId, now);
    const appType: AppType = input.appType ?? inferAppType(input.prompt);
    const usesModel = this.#d.generator.name !== 'offline-template';
    const promptImage = input.image ? await this.#keepImage(input.image, usesModel) : undefined;
    const session = await store.sessions.create({
      id: newSessionId(),
      ownerId,
      prompt: input.prompt,
      title: titleFromPrompt(input.prompt),
      appType,
      appTypeSource: input.appType ? 'request' : 'inferred',
      state: 'requested',
      progress: STATE_PROGRESS.requested,
      generator: this.#d.generator.name,
      model: null,
      tier: config.defaultTier,
      ttlSeconds: input.ttlSeconds,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000),
      estimatedCost: estimateCost(config, config.defaultTier, input.ttlSeconds, usesModel ? expectedGenerationUsd(config, this.#d.models ?? [], appType, input.prompt) : 0),
      cacheBypass: input.cache === false,
      ...(promptImage ? { promptImage } : {}),
    });
    this.#d.metrics.sessionsCreated.inc({ app_type: appType });
    await this.#d.events.emit(session.id, 'state', { state: 'requested', progress: session.progress, step: 'queued' });
    try {
      await this.#d.queue.enqueue('session.run', { sessionId: session.id }, { jobId: `run-${session.id}` });
      await this.#d.lifecycle.scheduleExpiry(session);
    } catch (err) {
      const error = new SpawnError('QUEUE_UNAVAILABLE', 'the job queue is not reachable; the session could not be queued', { cause: err });
      await this.#d.lifecycle.fail(session.id, error);
      throw error;
    }
    return { session, estimatedSeconds: estimateSeconds(appType, usesModel) };
  }

  /**
   * Refused up front (IMAGE_NOT_SUPPORTED) when no model of the chain accepts images, so a person
   * learns it before waiting; else the bytes go to the artifact blobs, by digest.
   */
  async #keepImage(image: PromptImage, usesModel: boolean): Promise<PromptImageRef> {
    const models = this.#d.models ?? [];
    if (!usesModel || visionModels(parseModelChain(models.join(','))).length === 0) {
      const chain = usesModel ? `the chain (${models.join(', ')}) has no model that accepts images` : 'no model is configured (offline templates read no image)';
      throw new SpawnError('IMAGE_NOT_SUPPORTED', `this request has an image, but ${chain}: add a vision model such as anthropic:claude-sonnet-4-5 or openai:gpt-4.1 to SPAWN_MODELS, or send it without the image`);
    }
    const digest = createHash('sha256').update(image.data).digest('hex');
    await this.#d.store.artifacts.putBlob(digest, image.data);
    return { mediaType: image.mediaType, digest, bytes: image.data.length };
  }

  /** The owner's session, or SESSION_NOT_FOUND — another owner's session is indistinguishable from none. */
  async get(ownerId: string, id: string): Promise<SessionRecord> {
    const s = isSessionId(id) ? await this.#d.store.sessions.get(id) : null;
    if (!s || s.ownerId !== ownerId) throw new SpawnError('SESSION_NOT_FOUND', `no session ${id}`);
    return s;
  }

  list(ownerId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<SessionRecord[]> {
    return this.#d.store.sessions.listByOwner(ownerId, { limit, before });
  }

  async destroy(ownerId: string, id: string): Promise<SessionRecord> {
    const s = await this.get(ownerId, id);
    if (!(TERMINAL_STATES as readonly string[]).includes(s.state)) await this.#d.lifecycle.requestDestroy(s.id, 'destroyed on request');
    return (await this.#d.store.sessions.get(s.id)) ?? s;
  }

  async extend(ownerId: string, id: string, ttlSeconds: number): Promise<SessionRecord> {
    return this.#d.lifecycle.extend(await this.get(ownerId, id), ttlSeconds);
  }
}
