import * as oidc from 'openid-client';
import type { OidcConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import { identityFromClaims } from './identity-rules.ts';
import type { OidcIdentity } from './user-directory.ts';

/** What the browser carries (in a signed, short-lived cookie) between /auth/login and /auth/callback. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path on the control plane to land on after sign-in. */
  returnTo: string;
  /** A pending invitation token, accepted once the user is known. */
  invitation?: string;
}

export interface SignedIn {
  identity: OidcIdentity;
  idToken: string | null;
}

export interface DeviceLogin {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | null;
  expiresInSeconds: number;
  intervalSeconds: number;
}

export type DevicePoll = { status: 'pending' | 'slow_down' } | { status: 'done'; signedIn: SignedIn };

export interface OidcClientOptions {
  /** Where the provider sends the browser back: `<SPAWN_PUBLIC_URL>/auth/callback`. */
  redirectUri: string;
  /** Replaces fetch for every request to the provider (tests use it to tamper with answers). */
  fetch?: oidc.CustomFetch;
}

const DISCOVERY_TIMEOUT_SECONDS = 10;
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/**
 * The relying party: authorization code + PKCE (S256), state and nonce checked, and the ID token's
 * signature verified against the issuer's published keys even when it comes straight from the token
 * endpoint (`enableNonRepudiationChecks`). Discovery runs on first use and is retried after a failure.
 */
export class OidcClient {
  readonly #settings: OidcConfig;
  readonly #options: OidcClientOptions;
  #configuration: Promise<oidc.Configuration> | undefined;

  get settings(): OidcConfig {
    return this.#settings;
  }

  constructor(settings: OidcConfig, options: OidcClientOptions) {
    this.#settings = settings;
    this.#options = options;
  }

  #discovered(): Promise<oidc.Configuration> {
    this.#configuration ??= this.#discover().catch((err: unknown) => {
      this.#configuration = undefined;
      throw new SpawnError('SIGN_IN_UNAVAILABLE', `the identity provider ${this.#settings.issuer} did not answer its discovery document: ${(err as Error).message}`, { cause: err });
    });
    return this.#configuration;
  }

  async #discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.#settings.issuer);
    // Plain HTTP only for a provider on loopback (a test or a local Keycloak), never across a network.
    const execute = issuer.protocol === 'http:' && isLoopbackName(issuer.hostname) ? [oidc.allowInsecureRequests] : [];
    const configuration = await oidc.discovery(issuer, this.#settings.clientId, this.#settings.clientSecret, this.#settings.clientSecret ? undefined : oidc.None(), {
      execute,
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      ...(this.#options.fetch ? { [oidc.customFetch]: this.#options.fetch } : {}),
    });
    oidc.enableNonRepudiationChecks(configuration);
    return configuration;
  }

  /** The provider's authorization URL and the transaction to keep until the callback. */
  async begin(returnTo: string, invitation?: string): Promise<{ url: string; transaction: LoginTransaction }> {
    const configuration = await this.#discovered();
    const transaction: LoginTransaction = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), returnTo, ...(invitation ? { invitation } : {}) };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.#options.redirectUri,
      scope: this.#settings.scopes,
      response_type: 'code',
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, transaction };
  }

  /** Checks the callback against the transaction, redeems the code and verifies the ID token. */
  async complete(callbackUrl: URL, transaction: LoginTransaction): Promise<SignedIn> {
    const configuration = await this.#discovered();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      return this.#signedIn(tokens);
    } catch (err) {
      throw refused(err);
    }
  }

  #signedIn(tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): SignedIn {
    const claims = tokens.claims();
    if (!claims) throw new SpawnError('SIGN_IN_FAILED', 'the identity provider returned no ID token');
    return { identity: identityFromClaims(claims, this.#settings.groupsClaim), idToken: tokens.id_token ?? null };
  }

  /** The provider's logout URL (RP-initiated logout), or null when its metadata has none. */
  async endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<string | null> {
    const configuration = await this.#discovered().catch(() => null);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: this.#settings.clientId };
    if (idToken) params.id_token_hint = idToken;
    return oidc.buildEndSessionUrl(configuration, params).href;
  }

  /** Starts the device authorization grant, or null when the provider does not offer it. */
  async beginDevice(): Promise<DeviceLogin | null> {
    const configuration = await this.#discovered();
    if (!configuration.serverMetadata().device_authorization_endpoint) return null;
    const answer = await oidc.initiateDeviceAuthorization(configuration, { scope: this.#settings.scopes }).catch((err: unknown) => {
      throw refused(err);
    });
    return {
      deviceCode: answer.device_code,
      userCode: answer.user_code,
      verificationUri: answer.verification_uri,
      verificationUriComplete: answer.verification_uri_complete ?? null,
      expiresInSeconds: answer.expires_in,
      intervalSeconds: answer.interval ?? 5,
    };
  }

  /** One poll of the token endpoint (the CLI paces the polling, not this server). */
  async pollDevice(deviceCode: string): Promise<DevicePoll> {
    const configuration = await this.#discovered();
    try {
      return { status: 'done', signedIn: this.#signedIn(await oidc.genericGrantRequest(configuration, DEVICE_GRANT, { device_code: deviceCode })) };
    } catch (err) {
      const code = (err as { error?: unknown }).error;
      if (code === 'authorization_pending') return { status: 'pending' };
      if (code === 'slow_down') return { status: 'slow_down' };
      throw refused(err);
    }
  }
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Every refusal by the library or the provider becomes a 400 the user can act on, never a 500. */
function refused(err: unknown): SpawnError {
  if (err instanceof SpawnError) return err;
  const e = err as { message?: string; error?: string; error_description?: string; cause?: { message?: string } };
  // openid-client wraps oauth4webapi's precise reason (which claim, which parameter) as the cause.
  const reason = e.cause?.message ? `${e.message ?? ''}: ${e.cause.message}` : (e.message ?? String(err));
  const detail = e.error ? `${e.error}${e.error_description ? `: ${e.error_description}` : ''}` : reason;
  return new SpawnError('SIGN_IN_FAILED', `sign-in was refused: ${detail}`, { cause: err });
}
