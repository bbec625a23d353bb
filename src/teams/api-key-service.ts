import type { ApiKeyScope } from '../api-types.ts';
import { SpawnError } from '../errors/index.ts';
import type { ApiKeyRecord, Store } from '../store/index.ts';
import { newApiKey, newTeamId } from './credentials.ts';
import type { Principal } from './principal.ts';

/** Organisation API keys: the secret is returned once, at creation; only its hash is kept. */
export class ApiKeyService {
  readonly #store: Pick<Store, 'apiKeys'>;

  constructor(store: Pick<Store, 'apiKeys'>) {
    this.#store = store;
  }

  async create(actor: Principal, orgId: string, input: { name: string; scopes: ApiKeyScope[] }): Promise<{ record: ApiKeyRecord; key: string }> {
    // A key holds its creator's role at most; an API key cannot mint a key with wider scopes.
    const wider = actor.via === 'apikey' ? input.scopes.filter((s) => !actor.scopes.includes(s)) : [];
    if (wider.length > 0) throw new SpawnError('FORBIDDEN', `this API key may not grant scopes it does not have (missing: ${wider.join(', ')})`);
    const { key, prefix, hash } = newApiKey();
    const record = await this.#store.apiKeys.create({ id: newTeamId('key'), orgId, creatorId: actor.userId, name: input.name, scopes: [...new Set(input.scopes)], keyHash: hash, prefix });
    return { record, key };
  }

  list(orgId: string): Promise<ApiKeyRecord[]> {
    return this.#store.apiKeys.list(orgId);
  }

  async revoke(orgId: string, keyId: string): Promise<void> {
    if (!(await this.#store.apiKeys.revoke(orgId, keyId, new Date()))) throw new SpawnError('API_KEY_NOT_FOUND', `no active API key ${keyId} in this organisation`);
  }
}
