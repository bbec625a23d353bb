import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** Lints `code` as if it were the file at `file` (relative to the project root). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

// `npm test` runs the linter over the tree; these show the rule it relies on can fail.
describe('module boundaries (eslint.boundaries.js)', () => {
  it('refuses entering another module other than through its index.ts', async () => {
    expect(await boundaryErrors('src/orchestrator/zz-probe.ts', "export { SandboxService } from '../sandboxes/sandbox-service.ts';\n")).toEqual([expect.stringContaining('index.ts')]);
    expect(await boundaryErrors('src/orchestrator/zz-probe.ts', "export { SandboxService } from '../sandboxes/index.ts';\n")).toEqual([]);
  });

  it('refuses a lower layer importing a higher one', async () => {
    expect(await boundaryErrors('src/store/zz-probe.ts', "export { SandboxService } from '../sandboxes/index.ts';\n")).toEqual([expect.stringContaining('higher layer')]);
    expect(await boundaryErrors('src/runtime/zz-probe.ts', "export type { Platform } from '../orchestrator/index.ts';\n")).toEqual([expect.stringContaining('higher layer')]);
  });

  it('keeps the web UI on src/api-types.ts and api-types on the lowest layer', async () => {
    expect(await boundaryErrors('web/src/zz-probe.ts', "export { SMOKE_FILE } from '../../src/verify/index.ts';\n")).toEqual([expect.stringContaining('web UI')]);
    expect(await boundaryErrors('web/src/zz-probe.ts', "export type { SessionView } from '../../src/api-types.ts';\n")).toEqual([]);
    expect(await boundaryErrors('src/api-types.ts', "export type { Store } from './store/index.ts';\n")).toEqual([expect.stringContaining('api-types')]);
  });
});
