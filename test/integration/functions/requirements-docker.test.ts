import { beforeAll } from 'vitest';
import { DRIVERS } from '../../../src/runtime/index.ts';
import { requireService } from '../../support/services.ts';
import { buildRuntimeImage, IMAGE_BUILD_TIMEOUT_MS } from '../runtime/docker-fixtures.ts';
import { defineRequirementsSuite } from './requirements-suite.ts';

const skipReason = !DRIVERS.docker ? 'no docker driver registered' : requireService('docker') ? undefined : 'docker engine not reachable';

beforeAll(async () => {
  if (!skipReason) await buildRuntimeImage();
}, IMAGE_BUILD_TIMEOUT_MS);

defineRequirementsSuite('docker', skipReason);
