import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AdapterPayload } from 'oidc-provider';

/** Every stored artefact of the provider, by model name and id: the tests reach in (e.g. to expire a code). */
export const providerStore = new Map<string, Map<string, AdapterPayload>>();

/** oidc-provider's adapter contract over plain Maps (its default in-memory adapter hides its storage). */
class MapAdapter {
  readonly #items: Map<string, AdapterPayload>;
  constructor(name: string) {
    this.#items = providerStore.get(name) ?? new Map();
    providerStore.set(name, this.#items);
  }
  async upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.#items.set(id, { ...payload });
  }
  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.#items.get(id);
  }
  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return [...this.#items.values()].find((p) => p.userCode === userCode);
  }
  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return [...this.#items.values()].find((p) => p.uid === uid);
  }
  async consume(id: string): Promise<void> {
    const item = this.#items.get(id);
    if (item) item.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    this.#items.delete(id);
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, p] of this.#items) if (p.grantId === grantId) this.#items.delete(id);
  }
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Signs an ID token with the provider's own key (or `key`), for tests that forge answers. */
  signIdToken(claims: Record<string, unknown>, key?: KeyObject): string;
  /** A key the provider never published. */
  foreignKey: KeyObject;
  close(): Promise<void>;
}

/** E-mail domain of every test account (`alice` signs in as alice@acme.test). */
export const ACCOUNT_DOMAIN = 'acme.test';

function sign(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

/**
 * A real, certified OpenID Provider (oidc-provider) on a free loopback port, with its development
 * login page (any login name, any password), the device flow and RP-initiated logout enabled.
 */
export async function startTestProvider(redirectBase: string): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = randomUUID();
  const clientId = `spawn-test-${randomUUID().slice(0, 8)}`;
  const clientSecret = randomUUID() + randomUUID();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${redirectBase}/auth/callback`],
        post_logout_redirect_uris: [`${redirectBase}/`],
        grant_types: ['authorization_code', 'urn:ietf:params:oauth:grant-type:device_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
    adapter: MapAdapter,
    cookies: { keys: [randomUUID()] },
    features: { devInteractions: { enabled: true }, deviceFlow: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    // Claims in the ID token itself, as Keycloak, Entra ID and Google do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      return { accountId: id, claims: async () => ({ sub: id, email: `${id}@${ACCOUNT_DOMAIN}`, email_verified: true, name: `Test ${id}`, groups: id.startsWith('ops') ? ['ops'] : ['staff'] }) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    foreignKey,
    signIdToken: (claims, key) => sign(claims, key ?? privateKey, kid),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A SpawnAI node's environment for signing in at `provider` (public URL `base`, process runtime, no verification). */
export function signInEnv(base: string, dataDir: string, provider: TestProvider): Record<string, string> {
  return {
    SPAWN_PORT: new URL(base).port,
    SPAWN_DATA_DIR: dataDir,
    SPAWN_LOG_LEVEL: 'warn',
    SPAWN_RUNTIME: 'process',
    SPAWN_VERIFY: 'off',
    SPAWN_PUBLIC_URL: base,
    SPAWN_OIDC_ISSUER: provider.issuer,
    SPAWN_OIDC_CLIENT_ID: provider.clientId,
    SPAWN_OIDC_CLIENT_SECRET: provider.clientSecret,
    SPAWN_OIDC_ALLOWED_DOMAINS: 'acme.test',
  };
}
