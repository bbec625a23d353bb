import type { ApiKeyCreated, ApiKeyList, ApiKeyScope, AuditPage, InvitationCreated, MemberList, MemberView, MeView, OrgView, Role, SessionView, Visibility } from '../../../src/api-types.ts';
import { request } from '../api.ts';

const org = (id: string) => `/api/orgs/${encodeURIComponent(id)}`;

export interface AuditFilters {
  actor?: string;
  action?: string;
  /** ISO 8601 */
  since?: string;
}

/** Query string of the audit filters (shared by the JSON page and the CSV link). */
export function auditQuery(filters: AuditFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The team routes of issue 15: organisations, members, invitations, API keys, audit, sign-out. */
export const teamApi = {
  org: (id: string, signal?: AbortSignal) => request<OrgView>('GET', org(id), undefined, signal),
  createOrg: (name: string) => request<OrgView>('POST', '/api/orgs', { name }),
  switchOrg: (orgId: string) => request<MeView>('PUT', '/api/me/org', { orgId }),
  members: (id: string, signal?: AbortSignal) => request<MemberList>('GET', `${org(id)}/members`, undefined, signal),
  setRole: (id: string, userId: string, role: Role) => request<MemberView>('PATCH', `${org(id)}/members/${encodeURIComponent(userId)}`, { role }),
  removeMember: (id: string, userId: string) => request<unknown>('DELETE', `${org(id)}/members/${encodeURIComponent(userId)}`),
  invite: (id: string, role: Role) => request<InvitationCreated>('POST', `${org(id)}/invitations`, { role }),
  acceptInvitation: (token: string) => request<{ org: OrgView }>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`),
  apiKeys: (id: string, signal?: AbortSignal) => request<ApiKeyList>('GET', `${org(id)}/api-keys`, undefined, signal),
  createApiKey: (id: string, name: string, scopes: ApiKeyScope[]) => request<ApiKeyCreated>('POST', `${org(id)}/api-keys`, { name, scopes }),
  revokeApiKey: (id: string, keyId: string) => request<unknown>('DELETE', `${org(id)}/api-keys/${encodeURIComponent(keyId)}`),
  audit: (id: string, filters: AuditFilters, cursor: string | null, signal?: AbortSignal) =>
    request<AuditPage>('GET', `${org(id)}/audit${auditQuery(filters, cursor)}`, undefined, signal),
  auditCsvUrl: (id: string, filters: AuditFilters) => `${org(id)}/audit.csv${auditQuery(filters)}`,
  setVisibility: (sessionId: string, visibility: Visibility) => request<SessionView>('PATCH', `/api/sessions/${encodeURIComponent(sessionId)}`, { visibility }),
  signOut: () => request<{ redirectTo: string }>('POST', '/auth/logout'),
};
