import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { SpawnError } from '../errors/index.ts';

/**
 * Addresses a webhook may not reach: loopback, private, shared (CGNAT), link-local (cloud metadata
 * at 169.254.169.254), unspecified, multicast and their IPv6 counterparts. A webhook is an
 * outbound request made by the control plane, so an open URL would be a window into its network.
 */
const FORBIDDEN = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) FORBIDDEN.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) FORBIDDEN.addSubnet(net, bits, 'ipv6');

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return FORBIDDEN.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return FORBIDDEN.check(mapped[1], 'ipv4');
  return FORBIDDEN.check(address, 'ipv6');
}

/**
 * Refuses a webhook URL that is not http(s), or whose host is (or resolves to) a forbidden
 * address, with WEBHOOK_URL_FORBIDDEN. Checked when the webhook is saved and before every
 * delivery (a name may be re-pointed later). `allowPrivate` is the operator's opt-out.
 */
export async function assertWebhookUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SpawnError('WEBHOOK_URL_FORBIDDEN', `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SpawnError('WEBHOOK_URL_FORBIDDEN', `webhook URLs must be http or https, not ${url.protocol}`);
  if (url.username || url.password) throw new SpawnError('WEBHOOK_URL_FORBIDDEN', 'webhook URLs may not carry credentials');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else if (host === 'localhost' || host.endsWith('.localhost')) addresses = ['127.0.0.1'];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new SpawnError('WEBHOOK_URL_FORBIDDEN', `the webhook host ${host} does not resolve`);
    }
  }
  const bad = addresses.find(isForbiddenAddress);
  if (bad !== undefined) {
    throw new SpawnError('WEBHOOK_URL_FORBIDDEN', `the webhook host ${host} is ${bad}: loopback, private and link-local addresses are refused (SPAWN_WEBHOOK_ALLOW_PRIVATE=1 allows them)`);
  }
  return url;
}
