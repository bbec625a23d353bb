import { defineRequirementsSuite } from './requirements-suite.ts';

// The process driver always runs (inside bubblewrap when it works here, else as plain processes).
defineRequirementsSuite('process');
