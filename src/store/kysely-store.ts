import { sql, type Kysely } from 'kysely';
import { KyselyArtifactRepository } from './artifact-repository.ts';
import { KyselyCacheRepository } from './cache-repository.ts';
import { KyselyPauseRepository } from './pause-repository.ts';
import type { StoreDialect } from './codec.ts';
import { KyselyCostRepository } from './cost-repository.ts';
import { KyselyEventRepository } from './event-repository.ts';
import { KyselyFunctionBuildRepository } from './function-build-repository.ts';
import { KyselyFunctionRepository } from './function-repository.ts';
import { KyselyFunctionRuntimeRepository } from './function-runtime-repository.ts';
import { KyselyMessageRepository } from './message-repository.ts';
import { runMigrations } from './migrations/run-migrations.ts';
import { KyselyResultCacheRepository } from './result-cache-repository.ts';
import { KyselySandboxRepository } from './sandbox-repository.ts';
import type { Database } from './schema.ts';
import { KyselySessionRepository } from './session-repository.ts';
import { KyselyStudyRepository } from './study-repository.ts';
import { KyselyTaskRepository } from './task-repository.ts';
import type { Store } from './store.ts';
import { KyselyTokenRepository } from './token-repository.ts';
import { KyselyWorkflowRepository } from './workflow-repository.ts';
import { KyselyApiKeyRepository } from './api-key-repository.ts';
import { KyselyAuditRepository } from './audit-repository.ts';
import { KyselyInvitationRepository } from './invitation-repository.ts';
import { KyselyOrgRepository } from './org-repository.ts';
import { KyselyOwnershipRepository } from './ownership-repository.ts';
import { KyselyUserRepository } from './user-repository.ts';

const PING_TIMEOUT_MS = 5_000;

export interface KyselyStoreOptions {
  /** Schema holding Kysely's migration tables (PostgreSQL only; created when missing). */
  migrationTableSchema?: string;
}

/** The one `Store` implementation; the dialect only changes how `createStore` builds the Kysely. */
export class KyselyStore implements Store {
  readonly dialect: StoreDialect;
  readonly sessions: KyselySessionRepository;
  readonly events: KyselyEventRepository;
  readonly costs: KyselyCostRepository;
  readonly sandboxes: KyselySandboxRepository;
  readonly tokens: KyselyTokenRepository;
  readonly artifacts: KyselyArtifactRepository;
  readonly messages: KyselyMessageRepository;
  readonly promptCache: KyselyCacheRepository;
  readonly pauses: KyselyPauseRepository;
  readonly functions: KyselyFunctionRepository;
  readonly tasks: KyselyTaskRepository;
  readonly workflows: KyselyWorkflowRepository;
  readonly studies: KyselyStudyRepository;
  readonly functionRuntimes: KyselyFunctionRuntimeRepository;
  readonly resultCache: KyselyResultCacheRepository;
  readonly functionBuilds: KyselyFunctionBuildRepository;
  readonly users: KyselyUserRepository;
  readonly orgs: KyselyOrgRepository;
  readonly apiKeys: KyselyApiKeyRepository;
  readonly invitations: KyselyInvitationRepository;
  readonly audit: KyselyAuditRepository;
  readonly ownership: KyselyOwnershipRepository;
  readonly #db: Kysely<Database>;
  readonly #options: KyselyStoreOptions;
  #closing: Promise<void> | undefined;
  #migrating: Promise<void> | undefined;

  constructor(db: Kysely<Database>, dialect: StoreDialect, options: KyselyStoreOptions = {}) {
    this.#db = db;
    this.dialect = dialect;
    this.#options = options;
    this.sessions = new KyselySessionRepository(db);
    this.events = new KyselyEventRepository(db);
    this.costs = new KyselyCostRepository(db);
    this.sandboxes = new KyselySandboxRepository(db);
    this.tokens = new KyselyTokenRepository(db);
    this.artifacts = new KyselyArtifactRepository(db);
    this.messages = new KyselyMessageRepository(db);
    this.promptCache = new KyselyCacheRepository(db);
    this.pauses = new KyselyPauseRepository(db);
    this.functions = new KyselyFunctionRepository(db);
    this.tasks = new KyselyTaskRepository(db);
    this.workflows = new KyselyWorkflowRepository(db);
    this.studies = new KyselyStudyRepository(db);
    this.functionRuntimes = new KyselyFunctionRuntimeRepository(db);
    this.resultCache = new KyselyResultCacheRepository(db);
    this.functionBuilds = new KyselyFunctionBuildRepository(db);
    this.users = new KyselyUserRepository(db);
    this.orgs = new KyselyOrgRepository(db);
    this.apiKeys = new KyselyApiKeyRepository(db);
    this.invitations = new KyselyInvitationRepository(db);
    this.audit = new KyselyAuditRepository(db);
    this.ownership = new KyselyOwnershipRepository(db);
  }

  /** Serialised within this store: a second call waits for the first, then finds nothing to do. */
  migrate(): Promise<void> {
    const run = (): Promise<void> => runMigrations(this.#db, this.dialect, this.#options.migrationTableSchema);
    const next = (this.#migrating ?? Promise.resolve()).then(run, run);
    this.#migrating = next;
    return next;
  }

  /** Never throws: false when the database does not answer within 5 s, or after `close()`. */
  async ping(): Promise<boolean> {
    if (this.#closing) return false;
    const timeout = AbortSignal.timeout(PING_TIMEOUT_MS);
    try {
      const answer = sql<{ ok: number }>`select 1 as ok`.execute(this.#db);
      const timedOut = new Promise<never>((_, reject) => timeout.addEventListener('abort', () => reject(timeout.reason as Error), { once: true }));
      const result = await Promise.race([answer, timedOut]);
      return Number(result.rows[0]?.ok) === 1;
    } catch {
      return false;
    }
  }

  /** Idempotent; the store is unusable afterwards. */
  close(): Promise<void> {
    this.#closing ??= this.#db.destroy();
    return this.#closing;
  }
}
