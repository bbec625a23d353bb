import { describe, expect, it } from 'vitest';
import { localEndpoint, parseRecordedEndpoint, recordEndpoint } from '../../../src/sandboxes/index.ts';
import { localTarget } from '../../../src/proxy/upstream-target.ts';

describe('recorded sandbox endpoints', () => {
  it('reads the current shapes as written', () => {
    const socket = { kind: 'socket', socketPath: '/run/sbx/app.sock' } as const;
    const tcp = { kind: 'tcp', host: '172.30.0.5', port: 8080 } as const;
    const gateway = { kind: 'gateway', url: 'http://worker-1:7070/', local: tcp } as const;
    expect(parseRecordedEndpoint(socket)).toEqual(socket);
    expect(parseRecordedEndpoint(tcp)).toEqual(tcp);
    expect(parseRecordedEndpoint(gateway)).toEqual(gateway);
  });

  it('reads rows stored before endpoints had a kind: {socketPath}, {host, port}, with or without gateway', () => {
    expect(parseRecordedEndpoint({ socketPath: '/s.sock' })).toEqual({ kind: 'socket', socketPath: '/s.sock' });
    expect(parseRecordedEndpoint({ host: '127.0.0.1', port: 41234 })).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 41234 });
    expect(parseRecordedEndpoint({ host: '10.1.0.2', port: 8080, gateway: 'http://w2:7070' })).toEqual({
      kind: 'gateway',
      url: 'http://w2:7070',
      local: { kind: 'tcp', host: '10.1.0.2', port: 8080 },
    });
    expect(parseRecordedEndpoint({ socketPath: '/g.sock', gateway: 'http://w3:7070' })).toEqual({ kind: 'gateway', url: 'http://w3:7070', local: { kind: 'socket', socketPath: '/g.sock' } });
  });

  it('routes nothing for a missing or malformed endpoint', () => {
    for (const junk of [null, undefined, {}, { port: 80 }, { host: '', port: 80 }, { kind: 'tcp', host: 'h', port: 0 }, { kind: 'gateway', url: 'not a url', local: { kind: 'socket', socketPath: '/x' } }, 'socket']) {
      expect(parseRecordedEndpoint(junk)).toBeNull();
    }
    expect(localTarget(null)).toBeNull();
  });

  it('records a started app behind the gateway only when the worker has one, and refuses an invalid endpoint', () => {
    const tcp = { kind: 'tcp', host: '172.30.0.9', port: 8080 } as const;
    expect(recordEndpoint(tcp, undefined)).toEqual(tcp);
    const behind = recordEndpoint(tcp, 'http://worker:7070');
    expect(behind).toEqual({ kind: 'gateway', url: 'http://worker:7070', local: tcp });
    expect(localEndpoint(behind)).toEqual(tcp);
    expect(() => recordEndpoint({ kind: 'tcp', host: 'h', port: 70_000 }, undefined)).toThrow();
  });

  it('gives the proxy a socket or TCP target for either shape', () => {
    expect(localTarget(parseRecordedEndpoint({ socketPath: '/a.sock' }))).toEqual({ host: 'localhost', port: 80, socketPath: '/a.sock' });
    expect(localTarget(parseRecordedEndpoint({ kind: 'gateway', url: 'http://w:1', local: { kind: 'tcp', host: '10.0.0.3', port: 8080 } }))).toEqual({ host: '10.0.0.3', port: 8080 });
  });
});
