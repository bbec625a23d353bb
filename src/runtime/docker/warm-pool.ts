/** The docker driver's pool is the runtime's shared, demand-sized one (../warm-pool.ts). */
export { WarmPool, poolKey, type PoolShape } from '../warm-pool.ts';
