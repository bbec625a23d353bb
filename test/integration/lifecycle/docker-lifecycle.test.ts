import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../../src/runtime/docker/index.ts';
import { requireService } from '../../support/services.ts';
import { assertNoLeakedContainers, buildRuntimeImage, docker, IMAGE_BUILD_TIMEOUT_MS } from '../runtime/docker-fixtures.ts';
import { controlledApp } from './lifecycle-apps.ts';
import { lifecycleSuite } from './lifecycle-suite.ts';

const available = requireService('docker');

// Skipped only where the Docker engine is missing; requireService() fails the run in CI instead.
describe.skipIf(!available)('app lifecycle on the docker runtime', () => {
  beforeAll(async () => {
    await buildRuntimeImage();
  }, IMAGE_BUILD_TIMEOUT_MS);
  // Registered first, so it runs after the suite's own afterAll has destroyed its sessions.
  afterAll(async () => {
    await assertNoLeakedContainers();
  });

  const harness = lifecycleSuite({
    runtime: 'docker',
    async assertPaused(sandboxId, paused) {
      expect((await docker.getContainer(sandboxId).inspect()).State.Paused).toBe(paused);
    },
  });

  it('serves a new session from a warm pool container (claimed, renamed, never reused)', async () => {
    const t = harness();
    // A tier's pool fills after its first sandbox; a pool container is offered once its launcher listens.
    await t.spawnApi(controlledApp());
    const until = Date.now() + 60_000;
    while (Object.values(t.h.platform.sandboxes?.poolStats()?.ready ?? {}).every((n) => n === 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const id = await t.spawnApi(controlledApp());
    const record = await t.h.platform.store.sandboxes.getLiveBySession(id);
    const info = await docker.getContainer(record?.id ?? 'missing').inspect();
    expect(info.Config.Labels[LABEL.role]).toBe('pool');
    expect(info.Name).toBe(`/spawnai-session-${id}`);
    const res = await t.h.app(id, '/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('hello from /');
  });
});
