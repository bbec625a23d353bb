import type { FleetRepository } from './fleet-store.ts';
import type { AuthRepository } from './auth-store.ts';
import type { FunctionBuildRepository } from './function-build-repository.ts';
import type { AlertRepository, LedgerRepository, WebhookRepository } from './billing-store.ts';
import type { AppType, SessionState, SessionEventType, Visibility } from '../api-types.ts';
import type { FileRepository } from './file-repository.ts';
import type {
  FunctionRepository,
  FunctionRuntimeRepository,
  ResultCacheRepository,
  StudyRepository,
  TaskRepository,
  WorkflowRepository,
} from './function-store.ts';
import type { ApiKeyRepository, AuditRepository, InvitationRepository, OrgRepository, OwnershipRepository, UserRepository } from './team-store.ts';

/**
 * The persistence contract. Implemented once over Kysely for both SQLite and PostgreSQL; no
 * caller sees a Kysely, connection or transaction type. Dates are JS Dates, money is USD.
 */
export interface SessionRecord {
  id: string;
  ownerId: string;
  prompt: string;
  title: string;
  appType: AppType;
  /** `request` when the caller chose the app type, `inferred` when SpawnAI did. */
  appTypeSource: 'request' | 'inferred';
  state: SessionState;
  progress: number;
  generator: string;
  model: string | null;
  tier: string;
  ttlSeconds: number;
  createdAt: Date;
  updatedAt: Date;
  runningAt: Date | null;
  expiresAt: Date;
  destroyedAt: Date | null;
  errorCode: string | null;
  errorMessage: string | null;
  estimatedCost: number;
  actualCost: number | null;
  /** Current artifact version served for the app (null before the first deploy). */
  currentVersion: number | null;
  /** Worker currently driving the pipeline and when it last proved alive (for stuck detection). */
  workerId: string | null;
  heartbeatAt: Date | null;
  /** True when the app's files came from the prompt cache (no model call, $0 generation). */
  cacheHit: boolean;
  /** True when the request asked not to use the prompt cache (`cache: false`). */
  cacheBypass: boolean;
  /** What the verifier found about the version served (null: not checked yet). */
  verification?: StoredVerification | null;
  /** The region the session's work runs in (null: the installation's default region). */
  region?: string | null;
  /** Who may open the app: `public` (anyone with the URL) or `org` (members only). Migration 007. */
  visibility?: Visibility;
  /** The user who created it (null: unknown, e.g. before migration 007). */
  creatorId?: string | null;
  /** The image sent with the first message, if any (its bytes are an artifact blob). */
  promptImage?: PromptImageRef | null;
}

/** Where a session's prompt image is: its checked type, the digest of its bytes in the artifact blobs, its size. */
export interface PromptImageRef {
  mediaType: string;
  digest: string;
  bytes: number;
}

/** The verifier's outcome as the session keeps it (the verify module's result, minus the screenshot). */
export interface StoredVerification {
  status: 'passed' | 'problems' | 'skipped';
  problems: { kind: string; message: string; where?: string }[];
  checkedAt: string;
  /** The version it is about. */
  version: number;
}

export type NewSession = Omit<
  SessionRecord,
  'updatedAt' | 'runningAt' | 'destroyedAt' | 'errorCode' | 'errorMessage' | 'actualCost' | 'currentVersion' | 'workerId' | 'heartbeatAt' | 'progress' | 'cacheHit' | 'cacheBypass' | 'verification'
> & { progress?: number; cacheBypass?: boolean };

export type SessionPatch = Partial<Omit<SessionRecord, 'id' | 'ownerId' | 'createdAt' | 'state'>>;

export interface SessionRepository {
  create(session: NewSession): Promise<SessionRecord>;
  get(id: string): Promise<SessionRecord | null>;
  /** Newest first; `before` is an exclusive (createdAt, id) cursor. */
  listByOwner(ownerId: string, options: { limit: number; before?: { createdAt: Date; id: string } }): Promise<SessionRecord[]>;
  /**
   * Guarded transition: `UPDATE … SET state = to WHERE id = ? AND state IN (from)`.
   * Returns the updated record, or null when the session was not in one of `from`.
   */
  transition(id: string, from: readonly SessionState[], to: SessionState, patch?: SessionPatch): Promise<SessionRecord | null>;
  /** Unguarded field update (never the state); returns the updated record or null if missing. */
  update(id: string, patch: SessionPatch): Promise<SessionRecord | null>;
  /** Oldest first; `appTypes` keeps only those app types (e.g. the ones that run a server). */
  listByStates(states: readonly SessionState[], options?: { limit?: number; appTypes?: readonly string[] }): Promise<SessionRecord[]>;
  /** Active sessions (not destroyed/failed/destroying) past their expiresAt. */
  listExpired(now: Date, limit?: number): Promise<SessionRecord[]>;
  countByOwnerInStates(ownerId: string, states: readonly SessionState[]): Promise<number>;
  /** Creation times of the owner's sessions created at or after `since`, oldest first. */
  createdSince(ownerId: string, since: Date): Promise<Date[]>;
  countByState(): Promise<Partial<Record<SessionState, number>>>;
}

export interface StoredEvent {
  seq: number;
  sessionId: string;
  type: SessionEventType;
  at: Date;
  data: Record<string, unknown>;
}

export interface EventRepository {
  /** Appends an event; `seq` increases strictly per session (1, 2, 3 …) and is returned. */
  append(sessionId: string, type: SessionEventType, data: Record<string, unknown>): Promise<StoredEvent>;
  /** Events with seq > afterSeq, in order. */
  list(sessionId: string, afterSeq?: number, limit?: number): Promise<StoredEvent[]>;
}

export const COST_KINDS = ['compute', 'compute-paused', 'generation'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export interface CostEntry {
  sessionId: string;
  kind: CostKind;
  amountUsd: number;
  /** e.g. {seconds, tier, hourlyUsd} or {model, inputTokens, outputTokens} */
  details: Record<string, unknown>;
  at: Date;
}

export interface CostRepository {
  add(entry: CostEntry): Promise<void>;
  listBySession(sessionId: string): Promise<CostEntry[]>;
  totalBySession(sessionId: string): Promise<number>;
}

export interface SandboxRecord {
  id: string;
  sessionId: string;
  driver: string;
  state: 'creating' | 'ready' | 'running' | 'destroyed';
  /** Driver-specific address the proxy uses, e.g. {socketPath} or {host, port}. */
  endpoint: Record<string, unknown> | null;
  createdAt: Date;
  destroyedAt: Date | null;
}

export interface SandboxRepository {
  upsert(record: Omit<SandboxRecord, 'createdAt' | 'destroyedAt'> & { createdAt?: Date }): Promise<SandboxRecord>;
  get(id: string): Promise<SandboxRecord | null>;
  /** The session's live (not destroyed) sandbox, if any. */
  getLiveBySession(sessionId: string): Promise<SandboxRecord | null>;
  markDestroyed(id: string): Promise<void>;
  listLive(): Promise<SandboxRecord[]>;
}

export interface TokenRecord {
  id: string;
  name: string;
  ownerId: string;
  /** sha256 of the token; the token itself is never stored. */
  tokenHash: string;
  createdAt: Date;
}

export interface TokenRepository {
  create(record: Omit<TokenRecord, 'createdAt'>): Promise<TokenRecord>;
  findByHash(tokenHash: string): Promise<TokenRecord | null>;
  count(): Promise<number>;
}

/** Content-addressed blobs plus per-session version manifests (the artifact store's tables). */
export interface ArtifactRepository {
  /** Stores a blob under its sha256 digest; a no-op when it exists. */
  putBlob(digest: string, content: Buffer): Promise<void>;
  getBlob(digest: string): Promise<Buffer | null>;
  /** Records version `version` of a session; `files` maps path → digest. */
  putVersion(sessionId: string, version: number, files: Record<string, { digest: string; size: number }>, meta: Record<string, unknown>): Promise<void>;
  getVersion(sessionId: string, version: number): Promise<{ version: number; files: Record<string, { digest: string; size: number }>; meta: Record<string, unknown>; createdAt: Date } | null>;
  listVersions(sessionId: string): Promise<{ version: number; createdAt: Date; meta: Record<string, unknown> }[]>;
  latestVersion(sessionId: string): Promise<number | null>;
  /**
   * Adds keys to a stored version's meta (its files never change): the thumbnail, saved after the
   * session went live. False when the version does not exist.
   */
  mergeVersionMeta(sessionId: string, version: number, patch: Record<string, unknown>): Promise<boolean>;
}

/** One turn of the conversation about an app: a change asked for, or the answer to it. */
export interface MessageRecord {
  id: string;
  sessionId: string;
  role: 'user' | 'assistant';
  content: string;
  /** Assistant: the artifact version the change produced (null when it failed). */
  version: number | null;
  /** User: the version to restore (a restore request instead of an edit). */
  restoreVersion: number | null;
  /** User messages are `pending` until their change is live (`done`) or has `failed`. */
  status: 'pending' | 'done' | 'failed';
  createdAt: Date;
}

export interface MessageRepository {
  /** Adds a pending user message unless the session already has one pending (then false): one change at a time. */
  addPending(message: Pick<MessageRecord, 'id' | 'sessionId' | 'content' | 'restoreVersion' | 'createdAt'>): Promise<boolean>;
  add(message: MessageRecord): Promise<void>;
  get(id: string): Promise<MessageRecord | null>;
  /** Oldest first. */
  listBySession(sessionId: string): Promise<MessageRecord[]>;
  /** Guarded `pending → done | failed`; false when the message was no longer pending. */
  finish(id: string, status: 'done' | 'failed'): Promise<boolean>;
  /** Marks the session's pending messages created before `before` as failed (their worker died). */
  failStale(sessionId: string, before: Date): Promise<number>;
}

/** A generation kept by the prompt cache; file contents live in the artifact blobs. */
export interface PromptCacheRecord {
  key: string;
  files: Record<string, { digest: string; size: number }>;
  command: string[] | null;
  generator: string;
  model: string | null;
  /** The prompt template it was made with, e.g. `webapp.v1`. */
  promptId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface CacheRepository {
  /** The entry, or null when there is none or it has expired at `now`. */
  get(key: string, now: Date): Promise<PromptCacheRecord | null>;
  /** Inserts or replaces the entry of `record.key`. */
  put(record: PromptCacheRecord): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

/** Scale-to-zero bookkeeping: the intervals during which a session's app was paused. */
export interface PauseRepository {
  /** Opens a pause interval; false when one is already open. */
  start(sessionId: string, sandboxId: string, at: Date): Promise<boolean>;
  /** Closes the open interval; its length in seconds, or null when none was open. */
  end(sessionId: string, at: Date): Promise<number | null>;
  /** When the open interval began, or null when the app is not paused. */
  openSince(sessionId: string): Promise<Date | null>;
  /** Seconds paused in total, an open interval counted up to `until`. */
  totalSeconds(sessionId: string, until: Date): Promise<number>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly sessions: SessionRepository;
  readonly events: EventRepository;
  readonly costs: CostRepository;
  readonly sandboxes: SandboxRepository;
  readonly tokens: TokenRepository;
  readonly artifacts: ArtifactRepository;
  readonly messages: MessageRepository;
  readonly promptCache: CacheRepository;
  readonly pauses: PauseRepository;
  readonly functions: FunctionRepository;
  readonly tasks: TaskRepository;
  readonly workflows: WorkflowRepository;
  readonly studies: StudyRepository;
  readonly functionRuntimes: FunctionRuntimeRepository;
  readonly resultCache: ResultCacheRepository;
  /** The elastic fleet's hosts, join tokens and decisions (migration 010). */
  readonly fleet: FleetRepository;
  /** Sign-in state: browser sessions, private-app codes and grants (migration 012). */
  readonly auth: AuthRepository;
  readonly functionBuilds: FunctionBuildRepository;
  readonly ledger: LedgerRepository;
  readonly webhooks: WebhookRepository;
  readonly alerts: AlertRepository;
  /**
   * Runs `work` in one transaction: writes through `tx` commit together or not at all. Inside,
   * use only `tx` (on SQLite the one connection is held until the end).
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  readonly users: UserRepository;
  readonly orgs: OrgRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly invitations: InvitationRepository;
  /** Append-only. */
  readonly audit: AuditRepository;
  readonly ownership: OwnershipRepository;
  readonly files: FileRepository;
  /** Applies pending migrations (idempotent, safe to call from several processes). */
  migrate(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; otherwise `sqliteFile` is used. */
  databaseUrl?: string;
  /** SQLite file path; `:memory:` for tests. */
  sqliteFile?: string;
  /**
   * PostgreSQL only: the schema to use instead of `public` (set as the connection's search_path;
   * `migrate()` creates it). Lets tests and several installations share one database.
   */
  pgSchema?: string;
}

export type * from './function-store.ts';

export type * from './fleet-store.ts';
export type { BuildState, FunctionBuildRecord, FunctionBuildRepository } from './function-build-repository.ts';
export type * from './billing-store.ts';
export type * from './team-store.ts';
export type { FileRecord, FileRepository } from './file-repository.ts';
