export { CACHE_CONNECTION, closeRedis, connectRedis, LazyRedis, type RedisConnectionOptions } from './redis-connection.ts';
export type { Redis } from 'ioredis';
