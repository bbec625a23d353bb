/**
 * Child process for docker-pool.test.ts: starts a driver with a warm pool, prints the pool's
 * container ids as one JSON line, then waits to be SIGKILLed (a crashed worker leaves its pool).
 */
import { LABEL } from '../../../src/runtime/docker/index.ts';
import { docker, makeDockerDriver, TEST_TIER } from './docker-fixtures.ts';

const driver = makeDockerDriver(2, [TEST_TIER]);
await driver.init();
const mine = (
  await docker.listContainers({
    all: true,
    filters: { label: [`${LABEL.role}=pool`] },
  })
).filter((c) => (c.Labels[LABEL.owner] ?? '').includes(`:${process.pid}:`));
console.log(JSON.stringify({ pool: mine.map((c) => c.Id) }));
setInterval(() => undefined, 60_000);
