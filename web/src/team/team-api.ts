import type { ApiKeyScope, Role, Visibility } from '../../../src/api-types.ts';
import { read, typedClient } from '../api-client.ts';

const spawn = typedClient();
const path = (id: string) => ({ path: { id } });

export interface AuditFilters {
  actor?: string;
  action?: string;
  /** ISO 8601 */
  since?: string;
}

/** The audit filters that are set, and the page's cursor. */
function auditParams(filters: AuditFilters, cursor?: string | null): AuditFilters & { cursor?: string } {
  const params: AuditFilters & { cursor?: string } = {};
  for (const name of ['actor', 'action', 'since'] as const) if (filters[name]) params[name] = filters[name];
  if (cursor) params.cursor = cursor;
  return params;
}

/** Query string of the audit filters (the CSV link, which the browser follows by itself). */
function auditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(auditParams(filters))) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The team routes of issue 15: organisations, members, invitations, API keys, audit, sign-out. */
export const teamApi = {
  org: (orgId: string, signal?: AbortSignal) => read(spawn.GET('/api/orgs/{id}', { params: path(orgId), signal })),
  createOrg: (name: string) => read(spawn.POST('/api/orgs', { body: { name } })),
  switchOrg: (orgId: string) => read(spawn.PUT('/api/me/org', { body: { orgId } })),
  members: (orgId: string, signal?: AbortSignal) => read(spawn.GET('/api/orgs/{id}/members', { params: path(orgId), signal })),
  setRole: (orgId: string, userId: string, role: Role) =>
    read(spawn.PATCH('/api/orgs/{id}/members/{userId}', { params: { path: { id: orgId, userId } }, body: { role } })),
  removeMember: (orgId: string, userId: string) => read(spawn.DELETE('/api/orgs/{id}/members/{userId}', { params: { path: { id: orgId, userId } } })),
  invite: (orgId: string, role: Role) => read(spawn.POST('/api/orgs/{id}/invitations', { params: path(orgId), body: { role } })),
  acceptInvitation: (token: string) => read(spawn.POST('/api/invitations/{token}/accept', { params: { path: { token } } })),
  apiKeys: (orgId: string, signal?: AbortSignal) => read(spawn.GET('/api/orgs/{id}/api-keys', { params: path(orgId), signal })),
  createApiKey: (orgId: string, name: string, scopes: ApiKeyScope[]) => read(spawn.POST('/api/orgs/{id}/api-keys', { params: path(orgId), body: { name, scopes } })),
  revokeApiKey: (orgId: string, keyId: string) => read(spawn.DELETE('/api/orgs/{id}/api-keys/{keyId}', { params: { path: { id: orgId, keyId } } })),
  audit: (orgId: string, filters: AuditFilters, cursor?: string | null, signal?: AbortSignal) =>
    read(spawn.GET('/api/orgs/{id}/audit', { params: { path: path(orgId).path, query: auditParams(filters, cursor) }, signal })),
  auditCsvUrl: (orgId: string, filters: AuditFilters) => `/api/orgs/${encodeURIComponent(orgId)}/audit.csv${auditQuery(filters)}`,
  setVisibility: (sessionId: string, visibility: Visibility) => read(spawn.PATCH('/api/sessions/{id}', { params: path(sessionId), body: { visibility } })),
  signOut: () => read(spawn.POST('/auth/logout')),
};
