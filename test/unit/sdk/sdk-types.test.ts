import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEventStream } from '../../../sdk/js/index.ts';
import { generateTypes, TYPES_FILE } from '../../../sdk/js/generate.ts';

describe('the TypeScript SDK', () => {
  it('has types generated from the current OpenAPI document (run `npm run sdk:generate` when this fails)', async () => {
    const committed = fs.readFileSync(TYPES_FILE, 'utf8');
    expect(committed.startsWith('// GENERATED FILE')).toBe(true);
    const fresh = await generateTypes();
    expect(fresh).toContain('"/api/files"');
    expect(committed === fresh, 'sdk/js/openapi.d.ts is stale: run `npm run sdk:generate` and commit it').toBe(true);
  });

  it('parses the SSE framing: multi-line data, CRLF, comments, events split across chunks', async () => {
    const text = ': hello\r\nid: 1\r\nevent: state\r\ndata: {"type":"state",\r\ndata: "seq":1}\r\n\r\nid: 2\ndata: {"type":"log","seq":2}\n\n';
    const bytes = new TextEncoder().encode(text);
    const chunks = [bytes.slice(0, 7), bytes.slice(7, 40), bytes.slice(40)];
    const events = [];
    for await (const e of parseEventStream((async function* () { yield* chunks; })())) events.push(e);
    expect(events).toEqual([{ type: 'state', seq: 1 }, { type: 'log', seq: 2 }]);
  });
});
