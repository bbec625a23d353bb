import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { SpawnError } from '../errors/index.ts';
import type { OrgOwnedKind, Store } from '../store/index.ts';
import { allows, LOCAL_USER_ID, mayChangeRecord, ORG_HEADER, PERMISSIONS, type Permission, type Principal, type PrincipalResolver } from '../teams/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller must be allowed; every route declares one (the server refuses to start otherwise). */
    permission?: Permission;
    /** An organisation's own route: the org is this path parameter and the caller acts with their role there. */
    orgParam?: string;
    /** Changes an existing record named by this path parameter: members only the ones they created. */
    changes?: { kind: OrgOwnedKind; param: string };
    /** Creates a record (its `id` in the answer): the caller is recorded as its creator. */
    creates?: OrgOwnedKind;
    /** The audit log's name for this mutation (derived from method and path when absent). */
    action?: string;
  }
  interface FastifyRequest {
    /** Who is calling: resolved once by the auth hook for every route that is not `public`. */
    principal: Principal | null;
  }
}

/** Routes of the API reference plugin (static pages): public, and not ours to annotate. */
const STATIC_PREFIXES = ['/docs'];

const NOT_FOUND = { sessions: 'SESSION_NOT_FOUND', functions: 'FUNCTION_NOT_FOUND', workflows: 'WORKFLOW_NOT_FOUND', studies: 'STUDY_NOT_FOUND', tasks: 'TASK_NOT_FOUND' } as const satisfies Record<OrgOwnedKind, string>;

/** The sign-in half plugs in here: who the control-plane cookie names, if anyone. */
export type CookieAuthenticator = (request: FastifyRequest) => Promise<{ userId: string; orgId?: string | undefined } | null>;

export interface AccessControlDeps {
  resolver: PrincipalResolver;
  store: Pick<Store, 'orgs' | 'ownership'>;
  cookie?: CookieAuthenticator | undefined;
  /** SPAWN_ADMINS: installation admins besides the loopback owner. */
  admins?: readonly string[] | undefined;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission;
  orgParam?: string | undefined;
  changes?: { kind: OrgOwnedKind; param: string } | undefined;
}

const DECLARED = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route with its permission, as registered: what the role × scope matrix test walks. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return DECLARED.get(app) ?? [];
}

/** Fails registration of a route without a known permission, so none can be forgotten. */
export function requirePermissions(app: FastifyInstance): void {
  const table: DeclaredRoute[] = [];
  DECLARED.set(app, table);
  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    if (!url.startsWith('/api/') && !url.startsWith('/auth/') && (url === '*' || STATIC_PREFIXES.some((p) => url.startsWith(p)))) return;
    const permission = route.config?.permission;
    if (!permission || !(PERMISSIONS as readonly string[]).includes(permission)) {
      throw new Error(`route ${String(route.method)} ${url} declares no permission: add config: { permission: '…' } (one of ${PERMISSIONS.join(', ')})`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url, permission: permission as Permission, orgParam: route.config?.orgParam, changes: route.config?.changes });
    }
  });
}

/** The auth hook and the permission check, in that order, before anything else of the route runs. */
export function installAccessControl(app: FastifyInstance, deps: AccessControlDeps): void {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const permission = config?.permission;
    // Unknown /api/ URLs answer 401 before 404, as before: a route list is not given away.
    if (!permission) {
      if (request.url.startsWith('/api/')) await authenticate(request, deps);
      return;
    }
    if (permission === 'public') return;
    let principal = await authenticate(request, deps);
    if (config.orgParam) principal = await inOrg(principal, (request.params as Record<string, string>)[config.orgParam] ?? '', deps, permission);
    request.principal = principal;
    if (!allows(principal, permission)) {
      const by = principal.via === 'apikey' ? `this API key (scopes: ${principal.scopes.join(', ')})` : `the ${principal.role} role`;
      throw new SpawnError('FORBIDDEN', `${by} does not allow ${permission}: missing permission ${permission}`, { details: { permission } });
    }
    if (config.changes) await assertMayChange(principal, config.changes, request, deps);
  });
}

async function authenticate(request: FastifyRequest, deps: AccessControlDeps): Promise<Principal> {
  // EventSource cannot send headers: a GET may name its organisation as `?org=` instead.
  const orgQuery = request.method === 'GET' ? (request.query as Record<string, unknown> | undefined)?.org : undefined;
  const orgHeader = request.headers[ORG_HEADER] ?? orgQuery;
  const authorization = request.headers.authorization;
  const cookie = !authorization && deps.cookie ? await deps.cookie(request) : null;
  const resolved = await deps.resolver.resolve({ authorization, orgId: typeof orgHeader === 'string' ? orgHeader : undefined, cookie });
  const installationAdmin = resolved.via !== 'apikey' && (resolved.userId === LOCAL_USER_ID || (deps.admins ?? []).includes(resolved.userId));
  const principal: Principal = { ...resolved, installationAdmin };
  request.principal = principal;
  // Records are scoped by owner id, and a request's owner is its organisation.
  request.ownerId = principal.orgId;
  return principal;
}

/** Another organisation than the request's own: the caller's role there, or a plain 404. */
async function inOrg(principal: Principal, orgId: string, deps: AccessControlDeps, permission: Permission): Promise<Principal> {
  if (orgId === principal.orgId) return principal;
  // Runs before the params are validated: an id no organisation can have is not sent to the store.
  if (!/^[\x21-\x7e]{1,200}$/.test(orgId)) throw new SpawnError('ORG_NOT_FOUND', 'no such organisation');
  // An installation admin acts on any organisation that exists (a top-up), member or not.
  if (permission === 'installation:admin' && principal.installationAdmin) {
    if (!(await deps.store.orgs.get(orgId))) throw new SpawnError('ORG_NOT_FOUND', `no organisation ${orgId}`);
    return { ...principal, orgId };
  }
  const role = principal.via === 'apikey' ? null : await deps.store.orgs.roleOf(orgId, principal.userId);
  if (!role) throw new SpawnError('ORG_NOT_FOUND', `no organisation ${orgId}`);
  return { ...principal, orgId, role };
}

async function assertMayChange(principal: Principal, changes: { kind: OrgOwnedKind; param: string }, request: FastifyRequest, deps: AccessControlDeps): Promise<void> {
  const id = (request.params as Record<string, string>)[changes.param];
  if (!id) return;
  const record = await deps.store.ownership.creatorOf(changes.kind, id, principal.orgId);
  // Not the org's (or no such id): the plain 404 of that kind, before the body is even looked at.
  if (!record) throw new SpawnError(NOT_FOUND[changes.kind], `no ${changes.kind.replace(/s$/, '')} ${id}`);
  if (mayChangeRecord(principal, record.creatorId)) return;
  throw new SpawnError('FORBIDDEN', `members change only what they created; changing another member's ${changes.kind} needs the admin role (missing permission: ${changes.kind}:admin)`, {
    details: { permission: `${changes.kind}:admin` },
  });
}

/** The caller of a non-public route (set by the auth hook; its absence is a wiring bug, answered 401). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new SpawnError('AUTH_REQUIRED');
  return request.principal;
}
