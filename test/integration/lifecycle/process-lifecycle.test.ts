import { describe } from 'vitest';
import { requireService } from '../../support/services.ts';
import { lifecycleSuite } from './lifecycle-suite.ts';

const available = requireService('bwrap');

// Skipped only where bubblewrap cannot run; requireService() fails the run in CI instead.
describe.skipIf(!available)('app lifecycle on the process runtime (bubblewrap)', () => {
  lifecycleSuite({ runtime: 'process' });
});
