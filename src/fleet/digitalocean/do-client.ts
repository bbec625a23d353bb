import { SpawnError } from '../../errors/index.ts';

export interface DoClientOptions {
  token: string;
  /** `https://api.digitalocean.com` in production; the fake's loopback URL in tests. */
  baseUrl?: string;
  /** Attempts per request for 429 and 5xx answers and network errors (default 6). */
  maxAttempts?: number;
  /** First backoff after a 5xx (doubles each time, default 500 ms). */
  backoffMs?: number;
  /** A 429 waits until RateLimit-Reset, but never longer than this (default 60 s). */
  maxRateLimitWaitMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Raised for an answer that is final (4xx): never retried. */
export class DoApiError extends SpawnError {
  constructor(
    readonly httpStatus: number,
    readonly doId: string,
    doMessage: string,
  ) {
    super(httpStatus === 422 ? 'FLEET_PROVIDER_REJECTED' : 'FLEET_PROVIDER_ERROR', `DigitalOcean answered ${httpStatus} ${doId}: ${doMessage}`, { details: { httpStatus, id: doId } });
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * DigitalOcean API v2 over fetch: bearer token, JSON, retries for 429 (waits for the
 * `RateLimit-Reset` epoch second, or `Retry-After`) and 5xx / network errors (exponential backoff),
 * and pagination through `links.pages.next`. 4xx answers surface with DigitalOcean's own message.
 */
export class DoClient {
  readonly #o: Required<Omit<DoClientOptions, 'sleep'>> & { sleep: (ms: number) => Promise<void> };

  constructor(options: DoClientOptions) {
    this.#o = {
      baseUrl: 'https://api.digitalocean.com',
      maxAttempts: 6,
      backoffMs: 500,
      maxRateLimitWaitMs: 60_000,
      timeoutMs: 30_000,
      sleep: defaultSleep,
      ...options,
    };
  }

  /** One request, retried on 429/5xx; `null` body for 204 and for 404 when `allow404`. */
  async request<T>(method: string, path: string, body?: unknown, opts: { allow404?: boolean; signal?: AbortSignal; retry?: boolean } = {}): Promise<T | null> {
    const url = path.startsWith('http') ? path : `${this.#o.baseUrl}${path}`;
    const attempts = opts.retry === false ? 1 : this.#o.maxAttempts;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let res: Response;
      try {
        const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(this.#o.timeoutMs)]) : AbortSignal.timeout(this.#o.timeoutMs);
        res = await fetch(url, {
          method,
          headers: { authorization: `Bearer ${this.#o.token}`, 'content-type': 'application/json', accept: 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal,
        });
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        lastError = err;
        await this.#o.sleep(this.#backoff(attempt));
        continue;
      }
      if (res.status === 204) return null;
      if (res.status === 404 && opts.allow404) return null;
      if (res.ok) return (await res.json()) as T;
      const payload = (await res.json().catch(() => ({}))) as { id?: string; message?: string };
      lastError = new DoApiError(res.status, payload.id ?? 'unknown', payload.message ?? res.statusText);
      if (res.status === 429) {
        await this.#o.sleep(this.#rateLimitWait(res));
        continue;
      }
      if (res.status >= 500) {
        await this.#o.sleep(this.#backoff(attempt));
        continue;
      }
      throw lastError;
    }
    if (lastError instanceof DoApiError) throw new SpawnError('FLEET_PROVIDER_UNAVAILABLE', `${lastError.message} (gave up after ${attempts} attempts)`, { cause: lastError });
    throw new SpawnError('FLEET_PROVIDER_UNAVAILABLE', `DigitalOcean is not reachable: ${(lastError as Error)?.message ?? 'unknown error'}`, { cause: lastError });
  }

  /** Every item of a paginated collection (`key` is e.g. `droplets`), following `links.pages.next`. */
  async all<T>(path: string, key: string, signal?: AbortSignal): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = `${path}${path.includes('?') ? '&' : '?'}per_page=200`;
    while (next) {
      const page: Record<string, unknown> | null = await this.request<Record<string, unknown>>('GET', next, undefined, signal ? { signal } : {});
      items.push(...(((page?.[key] as T[] | undefined) ?? []) as T[]));
      next = (page?.links as { pages?: { next?: string } } | undefined)?.pages?.next;
    }
    return items;
  }

  #backoff(attempt: number): number {
    return Math.min(this.#o.backoffMs * 2 ** (attempt - 1), 30_000);
  }

  /** DigitalOcean sends `RateLimit-Reset` as a Unix epoch second; `Retry-After` wins when present. */
  #rateLimitWait(res: Response): number {
    const retryAfter = Number(res.headers.get('retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, this.#o.maxRateLimitWaitMs);
    const reset = Number(res.headers.get('ratelimit-reset'));
    const wait = Number.isFinite(reset) && reset > 0 ? reset * 1000 - Date.now() : this.#o.backoffMs;
    return Math.min(Math.max(wait, 50), this.#o.maxRateLimitWaitMs);
  }
}
