import { afterAll, beforeAll } from 'vitest';
import { requireService } from '../../support/services.ts';
import {
  assertNoLeakedContainers,
  buildRuntimeImage,
  IMAGE_BUILD_TIMEOUT_MS,
  makeDockerDriver,
} from './docker-fixtures.ts';
import { defineDriverSuite } from './driver-suite.ts';

const available = requireService('docker');

// Top-level hooks run before the suite's own: build the image (minutes on a clean machine) first.
beforeAll(async () => {
  if (available) await buildRuntimeImage();
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(async () => {
  if (available) await assertNoLeakedContainers();
});

defineDriverSuite(
  'docker (warm pool of 1)',
  async () => makeDockerDriver(1),
  available ? {} : { skipReason: 'docker engine not reachable' },
);
defineDriverSuite(
  'docker (no pool, cold starts)',
  async () => makeDockerDriver(0),
  available ? {} : { skipReason: 'docker engine not reachable' },
);
