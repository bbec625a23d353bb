import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stripCookieDomains } from '../../../src/proxy/host-only-cookies.ts';

function upstream(cookies?: string[]): IncomingMessage {
  return { headers: cookies ? { 'set-cookie': cookies } : {} } as IncomingMessage;
}

describe('stripCookieDomains', () => {
  it('drops every Domain attribute, whatever its case, spacing or position, and keeps the rest', () => {
    const res = upstream(['a=1; Domain=localhost', 'b=2;domain=.localhost;Path=/', 'c=3; Domain=x; Secure; DOMAIN = localhost', 'd=domain=4; Path=/']);
    stripCookieDomains(res);
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2;Path=/', 'c=3; Secure', 'd=domain=4; Path=/']);
  });

  it('leaves responses without cookies alone', () => {
    const res = upstream();
    stripCookieDomains(res);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
