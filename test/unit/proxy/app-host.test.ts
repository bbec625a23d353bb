import { describe, expect, it } from 'vitest';
import { parseAppHost } from '../../../src/proxy/index.ts';

describe('parseAppHost', () => {
  it('routes <label>.<appsDomain> to the app space and everything else to the control plane', () => {
    expect(parseAppHost('abc.localhost:7070', 'localhost')).toBe('abc');
    expect(parseAppHost('ABC.LOCALHOST.', 'localhost')).toBe('abc');
    expect(parseAppHost('localhost:7070', 'localhost')).toBeNull();
    expect(parseAppHost('127.0.0.1:7070', 'localhost')).toBeNull();
    expect(parseAppHost(undefined, 'localhost')).toBeNull();
    expect(parseAppHost('x.apps.example.com', 'apps.example.com')).toBe('x');
    expect(parseAppHost('apps.example.com', 'apps.example.com')).toBeNull();
    expect(parseAppHost('evil-localhost', 'localhost')).toBeNull();
  });
  it('keeps nested names in the app space (answered 404 there), never the control plane', () => {
    expect(parseAppHost('a.b.localhost', 'localhost')).toBe('a.b');
  });
});
