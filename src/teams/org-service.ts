import type { Role } from '../api-types.ts';
import { SpawnError } from '../errors/index.ts';
import type { MemberRecord, OrgLimits, OrgRecord, Store } from '../store/index.ts';
import { newTeamId } from './credentials.ts';
import { mayGrant } from './permissions.ts';
import type { Principal } from './principal.ts';

/** The server's caps: an organisation's own limits may only lower them. */
export interface LimitCaps {
  maxActiveSessions: number;
  maxNewSessionsPerWindow: number;
  maxFunctionConcurrency: number;
}

/** Organisations and their members. Callers have checked the route permission already. */
export class OrgService {
  readonly #store: Pick<Store, 'orgs'>;
  readonly #caps: LimitCaps;

  constructor(store: Pick<Store, 'orgs'>, caps: LimitCaps) {
    this.#store = store;
    this.#caps = caps;
  }

  get caps(): LimitCaps {
    return this.#caps;
  }

  /** The caller's organisations; an API key sees only its own. */
  async list(principal: Principal): Promise<{ org: OrgRecord; role: Role }[]> {
    const all = await this.#store.orgs.listForUser(principal.userId);
    return principal.via === 'apikey' ? all.filter((o) => o.org.id === principal.orgId) : all;
  }

  create(principal: Principal, name: string): Promise<OrgRecord> {
    return this.#store.orgs.create({ id: newTeamId('org'), name, personal: false, ownerId: principal.userId });
  }

  async get(orgId: string): Promise<OrgRecord> {
    const org = await this.#store.orgs.get(orgId);
    if (!org) throw new SpawnError('ORG_NOT_FOUND', `no organisation ${orgId}`);
    return org;
  }

  members(orgId: string): Promise<MemberRecord[]> {
    return this.#store.orgs.members(orgId);
  }

  /** `actor` acts with its role in this organisation. */
  async setRole(actor: Principal, orgId: string, userId: string, role: Role): Promise<MemberRecord> {
    const { org, current } = await this.#member(orgId, userId);
    if (org.personal) throw new SpawnError('PERSONAL_ORG');
    this.#assertMayTouch(actor, current, role);
    if (current.role === 'owner' && role !== 'owner' && (await this.#store.orgs.countOwners(orgId)) <= 1) throw new SpawnError('LAST_OWNER');
    await this.#store.orgs.putMember(orgId, userId, role);
    return { ...current, role };
  }

  async removeMember(actor: Principal, orgId: string, userId: string): Promise<void> {
    const { org, current } = await this.#member(orgId, userId);
    if (org.personal) throw new SpawnError('PERSONAL_ORG');
    if (actor.userId !== userId) this.#assertMayTouch(actor, current, current.role);
    if (current.role === 'owner' && (await this.#store.orgs.countOwners(orgId)) <= 1) throw new SpawnError('LAST_OWNER');
    await this.#store.orgs.removeMember(orgId, userId);
  }

  async update(orgId: string, patch: { name?: string | undefined; limits?: OrgLimits | undefined }): Promise<OrgRecord> {
    const org = await this.get(orgId);
    const limits = patch.limits ? { ...org.limits, ...patch.limits } : undefined;
    if (limits) this.#assertWithinCaps(limits);
    return (await this.#store.orgs.update(orgId, { ...(patch.name ? { name: patch.name } : {}), ...(limits ? { limits } : {}) })) ?? org;
  }

  async delete(orgId: string): Promise<void> {
    const org = await this.get(orgId);
    if (org.personal) throw new SpawnError('PERSONAL_ORG');
    await this.#store.orgs.markDeleted(orgId);
  }

  /** The limits in force: the organisation's own where set, the server's caps otherwise. */
  effectiveLimits(org: Pick<OrgRecord, 'limits'>): LimitCaps {
    const pick = (own: number | undefined, cap: number) => Math.min(own ?? cap, cap);
    return {
      maxActiveSessions: pick(org.limits.maxActiveSessions, this.#caps.maxActiveSessions),
      maxNewSessionsPerWindow: pick(org.limits.maxNewSessionsPerWindow, this.#caps.maxNewSessionsPerWindow),
      maxFunctionConcurrency: pick(org.limits.maxFunctionConcurrency, this.#caps.maxFunctionConcurrency),
    };
  }

  async #member(orgId: string, userId: string): Promise<{ org: OrgRecord; current: MemberRecord }> {
    const org = await this.get(orgId);
    const current = (await this.#store.orgs.members(orgId)).find((m) => m.userId === userId);
    if (!current) throw new SpawnError('MEMBER_NOT_FOUND', `${userId} is not a member of ${orgId}`);
    return { org, current };
  }

  #assertMayTouch(actor: Principal, current: MemberRecord, role: Role): void {
    if (!mayGrant(actor.role, role) || !mayGrant(actor.role, current.role)) {
      throw new SpawnError('FORBIDDEN', `only an owner may grant or take away the ${current.role === 'owner' ? 'owner' : role} role (missing permission: org:delete)`);
    }
  }

  #assertWithinCaps(limits: OrgLimits): void {
    for (const [name, cap] of Object.entries(this.#caps) as [keyof LimitCaps, number][]) {
      const value = limits[name];
      if (value !== undefined && value > cap) throw new SpawnError('LIMIT_ABOVE_CAP', `${name} ${value} is above the server's cap of ${cap}`, { details: { name, cap } });
    }
  }
}
