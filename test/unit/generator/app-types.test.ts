import { describe, expect, it } from 'vitest';
import { APP_TYPES } from '../../../src/api-types.ts';
import { APP_TYPE_SPECS, commandFor, needsSandbox } from '../../../src/generator/index.ts';
import { OfflineGenerator } from '../../../src/generator/index.ts';

describe('the app-type table', () => {
  it('has an entry for every app type', () => {
    expect(Object.keys(APP_TYPE_SPECS).sort()).toEqual([...APP_TYPES].sort());
  });

  it('says which types need a sandbox and what the proxy serves', () => {
    expect(APP_TYPES.filter(needsSandbox)).toEqual(['api', 'script']);
    expect(APP_TYPE_SPECS.webapp.serves).toBe('files');
    expect(APP_TYPE_SPECS.api.serves).toBe('sandbox');
    expect(APP_TYPE_SPECS.api.health).toBe('process-and-http');
    expect(APP_TYPE_SPECS.script.indexPage).toBe('result.html');
  });

  it('computes the start command from the entry file', () => {
    expect(commandFor('webapp', [{ path: 'index.html' }])).toBeNull();
    expect(commandFor('api', [{ path: 'server.js' }])).toEqual(['node', 'server.js']);
    expect(commandFor('script', [{ path: 'main.js' }])).toEqual(['node', 'main.js']);
    expect(commandFor('script', [{ path: 'main.py' }])).toEqual(['python3', 'main.py']);
    // Without its entry file, the preferred one (validation reports it missing).
    expect(commandFor('script', [{ path: 'other.txt' }])).toEqual(['node', 'main.js']);
  });

  it('is what the offline generator uses', async () => {
    const app = await new OfflineGenerator().generate({ sessionId: 's', prompt: 'a report of prime numbers', appType: 'script', title: 'Primes', signal: new AbortController().signal });
    expect(app.command).toEqual(commandFor('script', app.files));
  });
});
