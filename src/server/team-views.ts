import type { Role } from '../api-types.ts';
import type { ApiKeyRecord, AuditEntry, MemberRecord, OrgRecord } from '../store/index.ts';
import type { OrgService } from '../teams/index.ts';

/** Wire shapes of the team routes (see api-schemas/org-schemas.ts). */
export function toOrgView(org: OrgRecord, role: Role, orgs: Pick<OrgService, 'effectiveLimits' | 'caps'>) {
  return { id: org.id, name: org.name, personal: org.personal, role, limits: orgs.effectiveLimits(org), caps: orgs.caps, createdAt: org.createdAt.toISOString() };
}

export function toMemberView(m: MemberRecord) {
  return { userId: m.userId, name: m.name, email: m.email, role: m.role, joinedAt: m.createdAt.toISOString() };
}

export function toApiKeyView(k: ApiKeyRecord) {
  return {
    id: k.id,
    name: k.name,
    scopes: k.scopes,
    prefix: k.prefix,
    creatorId: k.creatorId,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

export function toAuditView(e: AuditEntry) {
  return { id: e.id, at: e.at.toISOString(), actorId: e.actorId, actorVia: e.actorVia, action: e.action, target: e.target, result: e.result, ip: e.ip, userAgent: e.userAgent };
}
