import { requireService } from './services.ts';

export type RuntimeName = 'process' | 'docker';

/** Every sandbox runtime; the adversarial and chaos suites run once per entry. */
export const RUNTIMES: readonly { name: RuntimeName; available: boolean }[] = [
  { name: 'process', available: requireService('bwrap') },
  { name: 'docker', available: requireService('docker') },
];
