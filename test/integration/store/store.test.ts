import { defineStoreSuite } from './store-suite.ts';
import { STORE_TARGETS } from './store-targets.ts';

for (const target of STORE_TARGETS) defineStoreSuite(target);
