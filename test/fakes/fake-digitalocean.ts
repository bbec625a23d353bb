import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DropletMachines, type MachineOptions } from './fake-digitalocean-machines.ts';

/**
 * A fake DigitalOcean API v2: a real HTTP server speaking the paths and JSON shapes the driver
 * uses (droplets, firewalls, tags, actions, domain records), with pagination through
 * `links.pages.next`, `RateLimit-*` headers on every answer, and injected 422/429/5xx answers.
 * With `machines` set, every droplet is a real `spawnai worker` process started from its user
 * data on this machine (own data directory and gateway port, loopback only), as cloud-init would.
 * Requests it does not know are answered 404 and kept in `unexpected` so a test can fail on them.
 */
export interface FakeDroplet {
  id: number;
  name: string;
  status: 'new' | 'active' | 'off' | 'archive';
  created_at: string;
  size_slug: string;
  region: { slug: string; name: string };
  image: { slug: string };
  tags: string[];
  networks: { v4: { ip_address: string; type: 'public' | 'private' }[] };
  user_data: string;
}

export interface Injection {
  status: 422 | 429 | 500 | 502 | 503;
  /** How many matching requests fail (default 1). */
  count?: number;
  method?: string;
  path?: RegExp;
  /** 5xx only: perform the request first, then answer the error (the lost-answer case). */
  afterEffect?: boolean;
  message?: string;
}

export const FAKE_SIZES = ['s-1vcpu-512mb-10gb', 's-1vcpu-1gb', 's-1vcpu-2gb', 's-2vcpu-2gb', 's-2vcpu-4gb'];
export const FAKE_REGIONS = ['fra1', 'ams3', 'lon1', 'nyc1', 'nyc3', 'sfo3', 'sgp1'];

export class FakeDigitalOcean {
  readonly droplets = new Map<number, FakeDroplet>();
  readonly firewalls: { id: string; name: string; inbound_rules: unknown[]; outbound_rules: unknown[]; tags: string[] }[] = [];
  readonly tags = new Set<string>();
  readonly actions = new Map<number, { id: number; status: 'in-progress' | 'completed'; type: string; resource_id: number }>();
  readonly records: { id: number; type: string; name: string; data: string }[] = [];
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly unexpected: string[] = [];
  /** Every create performed, including those whose answer was lost. */
  created = 0;
  readonly #injections: (Injection & { left: number })[] = [];
  readonly #server: Server;
  readonly machines: DropletMachines | null;
  #nextId = 1000;
  #url = '';

  constructor(
    readonly token = 'fake-do-token',
    options: { machines?: MachineOptions; pageSize?: number } = {},
  ) {
    this.machines = options.machines ? new DropletMachines(options.machines) : null;
    this.#pageSize = options.pageSize ?? 20;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => this.#send(res, 500, { id: 'server_error', message: (err as Error).message }));
    });
  }

  readonly #pageSize: number;

  get url(): string {
    return this.#url;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', () => resolve()));
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#url;
  }

  async close(): Promise<void> {
    await this.machines?.stopAll();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  inject(injection: Injection): void {
    this.#injections.push({ ...injection, left: injection.count ?? 1 });
  }

  clearInjections(): void {
    this.#injections.length = 0;
  }

  /** The machine dies (as a host crash): the droplet stays listed, its worker process is SIGKILLed. */
  async crash(id: number): Promise<void> {
    await this.machines?.kill(id, 'SIGKILL');
  }

  liveDroplets(): FakeDroplet[] {
    return [...this.droplets.values()];
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.#url);
    const method = req.method ?? 'GET';
    const body = await readJson(req);
    res.setHeader('ratelimit-limit', '5000');
    res.setHeader('ratelimit-remaining', '4999');
    res.setHeader('ratelimit-reset', String(Math.ceil(Date.now() / 1000) + 60));
    if (req.headers.authorization !== `Bearer ${this.token}`) return this.#send(res, 401, { id: 'unauthorized', message: 'Unable to authenticate you' });
    const injection = this.#injections.find((i) => i.left > 0 && (!i.method || i.method === method) && (!i.path || i.path.test(url.pathname)));
    if (injection && !injection.afterEffect) {
      injection.left--;
      return this.#inject(res, injection, method, url.pathname);
    }
    const route = this.#route(method, url, body);
    if (!route) {
      this.unexpected.push(`${method} ${url.pathname}${url.search}`);
      return this.#send(res, 404, { id: 'not_found', message: 'The resource you were accessing could not be found.' });
    }
    const [status, payload] = await route();
    if (injection?.afterEffect) {
      injection.left--;
      return this.#inject(res, injection, method, url.pathname);
    }
    this.requests.push({ method, path: url.pathname, status });
    this.#send(res, status, payload);
  }

  #inject(res: ServerResponse, injection: Injection, method: string, path: string): void {
    this.requests.push({ method, path, status: injection.status });
    if (injection.status === 429) {
      res.setHeader('ratelimit-remaining', '0');
      res.setHeader('ratelimit-reset', String(Math.ceil(Date.now() / 1000)));
      return this.#send(res, 429, { id: 'too_many_requests', message: 'API Rate limit exceeded.' });
    }
    if (injection.status === 422) return this.#send(res, 422, { id: 'unprocessable_entity', message: injection.message ?? 'Droplet limit exceeded.' });
    this.#send(res, injection.status, { id: 'server_error', message: 'Server was unable to give you a response.' });
  }

  #route(method: string, url: URL, body: Record<string, unknown>): (() => Promise<[number, unknown]>) | null {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    if (method === 'POST' && p === '/v2/droplets') return () => this.#createDroplet(body);
    if (method === 'GET' && p === '/v2/droplets') {
      return async () => {
        const tag = url.searchParams.get('tag_name');
        const list = [...this.droplets.values()].filter((d) => !tag || d.tags.includes(tag)).map(publicDroplet);
        return [200, this.#page(url, 'droplets', list)];
      };
    }
    if ((m = /^\/v2\/droplets\/(\d+)$/.exec(p))) {
      const droplet = this.droplets.get(Number(m[1]));
      if (method === 'GET') return async () => (droplet ? [200, { droplet: publicDroplet(droplet) }] : notFound());
      if (method === 'DELETE') {
        return async () => {
          if (!droplet) return notFound();
          this.droplets.delete(droplet.id);
          await this.machines?.kill(droplet.id, 'SIGTERM');
          return [204, null];
        };
      }
    }
    if (method === 'GET' && (m = /^\/v2\/actions\/(\d+)$/.exec(p))) {
      const action = this.actions.get(Number(m[1]));
      return async () => (action ? [200, { action }] : notFound());
    }
    if (method === 'POST' && p === '/v2/tags') {
      return async () => {
        this.tags.add(String(body.name));
        return [201, { tag: { name: body.name, resources: { count: 0 } } }];
      };
    }
    if (method === 'GET' && p === '/v2/firewalls') return async () => [200, this.#page(url, 'firewalls', this.firewalls)];
    if (method === 'POST' && p === '/v2/firewalls') {
      return async () => {
        const firewall = { id: `fw-${this.firewalls.length + 1}`, name: String(body.name), inbound_rules: body.inbound_rules as unknown[], outbound_rules: body.outbound_rules as unknown[], tags: body.tags as string[], status: 'succeeded' };
        this.firewalls.push(firewall);
        return [202, { firewall }];
      };
    }
    if ((m = /^\/v2\/domains\/([^/]+)\/records(?:\/(\d+))?$/.exec(p))) {
      if (method === 'GET') return async () => [200, this.#page(url, 'domain_records', this.records)];
      if (method === 'POST') {
        return async () => {
          const record = { id: this.#nextId++, type: String(body.type), name: String(body.name), data: String(body.data) };
          this.records.push(record);
          return [201, { domain_record: record }];
        };
      }
      if (method === 'PUT' && m[2]) {
        return async () => {
          const record = this.records.find((r) => r.id === Number(m![2]));
          if (!record) return notFound();
          record.data = String(body.data);
          return [200, { domain_record: record }];
        };
      }
    }
    return null;
  }

  async #createDroplet(body: Record<string, unknown>): Promise<[number, unknown]> {
    const missing = ['name', 'region', 'size', 'image'].find((k) => typeof body[k] !== 'string' || !body[k]);
    if (missing) return [422, { id: 'unprocessable_entity', message: `${missing} is required` }];
    if (!FAKE_REGIONS.includes(String(body.region))) return [422, { id: 'unprocessable_entity', message: `${String(body.region)} is not a valid region` }];
    if (!FAKE_SIZES.includes(String(body.size))) return [422, { id: 'unprocessable_entity', message: `Size is not available in this region.` }];
    this.created++;
    const id = this.#nextId++;
    const tags = (body.tags as string[] | undefined) ?? [];
    for (const t of tags) this.tags.add(t);
    const droplet: FakeDroplet = {
      id,
      name: String(body.name),
      status: 'new',
      created_at: new Date().toISOString(),
      size_slug: String(body.size),
      region: { slug: String(body.region), name: String(body.region) },
      image: { slug: String(body.image) },
      tags,
      networks: { v4: [{ ip_address: '127.0.0.1', type: 'private' }] },
      user_data: String(body.user_data ?? ''),
    };
    this.droplets.set(id, droplet);
    const actionId = this.#nextId++;
    this.actions.set(actionId, { id: actionId, status: 'in-progress', type: 'create', resource_id: id });
    // "Boots" right away: the droplet turns active and cloud-init runs its user data.
    setImmediate(() => {
      droplet.status = 'active';
      this.actions.get(actionId)!.status = 'completed';
      this.machines?.boot(droplet);
    });
    return [202, { droplet: publicDroplet(droplet), links: { actions: [{ id: actionId, rel: 'create', href: `${this.#url}/v2/actions/${actionId}` }] } }];
  }

  #page(url: URL, key: string, items: unknown[]): Record<string, unknown> {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? this.#pageSize), this.#pageSize);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const pages: Record<string, string> = {};
    const at = (n: number): string => {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(n));
      return next.toString();
    };
    if (page < last) Object.assign(pages, { next: at(page + 1), last: at(last) });
    if (page > 1) Object.assign(pages, { prev: at(page - 1), first: at(1) });
    return { [key]: items.slice((page - 1) * perPage, page * perPage), links: { pages }, meta: { total: items.length } };
  }

  #send(res: ServerResponse, status: number, payload: unknown): void {
    if (status === 204 || payload === null) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }
}

function notFound(): [number, unknown] {
  return [404, { id: 'not_found', message: 'The resource you were accessing could not be found.' }];
}

/** The API never returns user data in listings. */
function publicDroplet(d: FakeDroplet): Omit<FakeDroplet, 'user_data'> {
  const { user_data: _ignored, ...rest } = d;
  return rest;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
