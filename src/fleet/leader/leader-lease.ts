import { CACHE_CONNECTION, closeRedis, connectRedis, type Redis } from '../../redis/index.ts';

/**
 * Exactly one node runs the autoscaler: the one holding this lease. A holder renews it well
 * before it lapses; when the holder dies, the lease lapses after `ttlMs` and another node takes it.
 */
export interface LeaderLease {
  /** Takes the lease if free, renews it if ours; true while we hold it. */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
  close(): Promise<void>;
}

/** One process, one leader: the embedded mode. */
export class LocalLease implements LeaderLease {
  async acquire(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
  async close(): Promise<void> {}
}

// Renew and release only our own lease (compare-and-set): a node that paused past the TTL must not
// extend or delete the lease a successor now holds.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

export class RedisLease implements LeaderLease {
  #redis: Redis | undefined;

  constructor(
    private readonly redisUrl: string,
    private readonly key: string,
    private readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  #conn(): Redis {
    this.#redis ??= connectRedis(this.redisUrl, CACHE_CONNECTION);
    return this.#redis;
  }

  async acquire(): Promise<boolean> {
    const redis = this.#conn();
    if ((await redis.set(this.key, this.holder, 'PX', this.ttlMs, 'NX')) === 'OK') return true;
    return Number(await redis.eval(RENEW, 1, this.key, this.holder, this.ttlMs)) === 1;
  }

  async release(): Promise<void> {
    await this.#redis?.eval(RELEASE, 1, this.key, this.holder).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.release();
    if (this.#redis) await closeRedis(this.#redis);
    this.#redis = undefined;
  }
}
