/**
 * The answers `/tls/ask` gives are cheap to repeat: Caddy asks once per new host name, but anyone
 * can make it ask (a TLS handshake with an arbitrary SNI name costs an attacker nothing), so the
 * store must not see one query per handshake. Answers are cached briefly (both ways), and store
 * lookups are bounded by a token bucket; past it the endpoint answers "slow down" instead.
 */
export interface TlsAskCacheOptions {
  /** How long an answer is reused: short, so a destroyed app loses its certificate grant quickly. */
  ttlMs?: number;
  /** Store lookups allowed per second on average, and in one burst. */
  lookupsPerSecond?: number;
  burst?: number;
  /** Entries kept at most (the map is dropped and rebuilt past it: a flood cannot grow memory). */
  maxEntries?: number;
  now?: () => number;
}

export type TlsAskAnswer = 'allowed' | 'denied' | 'rate-limited';

export class TlsAskCache {
  readonly #lookup: (id: string) => Promise<boolean>;
  readonly #ttlMs: number;
  readonly #rate: number;
  readonly #burst: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #answers = new Map<string, { live: boolean; at: number }>();
  /** Concurrent asks for one name share one store query. */
  readonly #pending = new Map<string, Promise<boolean>>();
  #tokens: number;
  #refilledAt: number;

  constructor(lookup: (id: string) => Promise<boolean>, options: TlsAskCacheOptions = {}) {
    this.#lookup = lookup;
    this.#ttlMs = options.ttlMs ?? 1_000; // the app proxy's routing cache uses the same second
    this.#rate = options.lookupsPerSecond ?? 50;
    this.#burst = options.burst ?? 100;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
    this.#tokens = this.#burst;
    this.#refilledAt = this.#now();
  }

  async ask(id: string): Promise<TlsAskAnswer> {
    const now = this.#now();
    const cached = this.#answers.get(id);
    if (cached && now - cached.at < this.#ttlMs) return cached.live ? 'allowed' : 'denied';
    let pending = this.#pending.get(id);
    if (!pending) {
      if (!this.#take(now)) return 'rate-limited';
      pending = this.#lookup(id).finally(() => this.#pending.delete(id));
      this.#pending.set(id, pending);
    }
    const live = await pending;
    if (this.#answers.size >= this.#maxEntries) this.#answers.clear();
    this.#answers.set(id, { live, at: this.#now() });
    return live ? 'allowed' : 'denied';
  }

  #take(now: number): boolean {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#refilledAt) / 1000) * this.#rate);
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
