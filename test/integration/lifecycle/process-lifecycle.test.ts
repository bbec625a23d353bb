import { describe } from 'vitest';
import { requireService } from '../../support/services.ts';
import { lifecycleSuite } from './lifecycle-suite.ts';

const available = requireService('bwrap');

describe.skipIf(!available)('app lifecycle on the process runtime (bubblewrap)', () => {
  lifecycleSuite({ runtime: 'process' });
});
