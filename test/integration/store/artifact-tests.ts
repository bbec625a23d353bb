import { createHash, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { SuiteContext } from './session-fixture.ts';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export function defineArtifactTests(ctx: SuiteContext): void {
  it('blobs are content-addressed: binary round-trips, a second put is a no-op', async () => {
    const content = Buffer.concat([Buffer.from([0, 255, 1, 254]), Buffer.from(randomUUID())]);
    const digest = sha256(content);
    await ctx.store.artifacts.putBlob(digest, content);
    await ctx.store.artifacts.putBlob(digest, content);
    const got = await ctx.store.artifacts.getBlob(digest);
    expect(Buffer.isBuffer(got)).toBe(true);
    expect(got?.equals(content)).toBe(true);
    expect(await ctx.store.artifacts.getBlob(sha256(Buffer.from(randomUUID())))).toBeNull();
  });

  it('versions: put, get, list, latest; a duplicate (session, version) is rejected and changes nothing', async () => {
    const sessionId = `test-${randomUUID()}`;
    expect(await ctx.store.artifacts.latestVersion(sessionId)).toBeNull();
    expect(await ctx.store.artifacts.listVersions(sessionId)).toEqual([]);
    const v1 = { 'index.html': { digest: sha256(Buffer.from('a')), size: 1 } };
    const v2 = { ...v1, 'app.js': { digest: sha256(Buffer.from('bb')), size: 2 } };
    await ctx.store.artifacts.putVersion(sessionId, 1, v1, { note: 'first' });
    await ctx.store.artifacts.putVersion(sessionId, 2, v2, { note: 'repair' });

    const got = await ctx.store.artifacts.getVersion(sessionId, 2);
    expect(got).toMatchObject({ version: 2, files: v2, meta: { note: 'repair' } });
    expect(got?.createdAt).toBeInstanceOf(Date);
    expect(await ctx.store.artifacts.getVersion(sessionId, 3)).toBeNull();
    expect((await ctx.store.artifacts.listVersions(sessionId)).map((v) => [v.version, v.meta])).toEqual([
      [1, { note: 'first' }],
      [2, { note: 'repair' }],
    ]);
    expect(await ctx.store.artifacts.latestVersion(sessionId)).toBe(2);

    await expect(ctx.store.artifacts.putVersion(sessionId, 2, {}, {})).rejects.toThrow(/version 2 of session .* already exists/);
    expect((await ctx.store.artifacts.getVersion(sessionId, 2))?.files).toEqual(v2);
  });

  it('a version gains meta keys after it is saved (the thumbnail), keeping the others; an unknown version is false', async () => {
    const sessionId = `test-${randomUUID()}`;
    const files = { 'index.html': { digest: sha256(Buffer.from('a')), size: 1 } };
    await ctx.store.artifacts.putVersion(sessionId, 1, files, { note: 'first', verification: { status: 'passed' } });
    expect(await ctx.store.artifacts.mergeVersionMeta(sessionId, 1, { thumbnail: 'abc' })).toBe(true);
    await Promise.all([ctx.store.artifacts.mergeVersionMeta(sessionId, 1, { a: 1 }), ctx.store.artifacts.mergeVersionMeta(sessionId, 1, { b: 2 })]);
    expect(await ctx.store.artifacts.getVersion(sessionId, 1)).toMatchObject({ files, meta: { note: 'first', verification: { status: 'passed' }, thumbnail: 'abc', a: 1, b: 2 } });
    expect(await ctx.store.artifacts.mergeVersionMeta(sessionId, 2, { thumbnail: 'abc' })).toBe(false);
  });
}
