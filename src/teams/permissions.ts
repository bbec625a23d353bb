import { API_KEY_SCOPES, type ApiKeyScope, type Role } from '../api-types.ts';
import type { Principal } from './principal.ts';

/**
 * What a route may require (`config: { permission }` on every route; the server refuses to start
 * without one). `public` needs no credential at all; `authenticated` any valid one.
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'invitations:accept',
  'org:read',
  'org:create',
  'sessions:read',
  'sessions:write',
  'functions:read',
  'functions:write',
  'functions:execute',
  'members:manage',
  'keys:manage',
  'audit:read',
  'org:admin',
  'org:delete',
  // Above organisations (top-ups, the fleet): the loopback owner and SPAWN_ADMINS, never a role or key.
  'installation:admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// invitations:accept is a person's act: in every role, in no API key scope.
const VIEWER: Permission[] = ['authenticated', 'invitations:accept', 'org:read', 'sessions:read', 'functions:read'];
const MEMBER: Permission[] = [...VIEWER, 'org:create', 'sessions:write', 'functions:write', 'functions:execute'];
const ADMIN: Permission[] = [...MEMBER, 'members:manage', 'keys:manage', 'audit:read', 'org:admin'];

/** Viewers see and open; members create and change their own; admins everything in the org; owners also delete it. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  member: new Set(MEMBER),
  admin: new Set(ADMIN),
  owner: new Set([...ADMIN, 'org:delete']),
};

const BASE: Permission[] = ['authenticated', 'org:read'];
/** An API key acts in its one organisation: it never creates or deletes organisations. */
export const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  'sessions:read': [...BASE, 'sessions:read'],
  'sessions:write': [...BASE, 'sessions:read', 'sessions:write'],
  'functions:execute': [...BASE, 'functions:read', 'functions:execute'],
  'functions:write': [...BASE, 'functions:read', 'functions:write'],
  admin: ADMIN,
};

/** Every scope: what a signed-in user (token, cookie, loopback) carries; their role alone limits them. */
export const ALL_SCOPES: readonly ApiKeyScope[] = API_KEY_SCOPES;

/** Both the role and the scopes must allow it (a key never exceeds its creator's role). */
export function allows(principal: Pick<Principal, 'role' | 'scopes' | 'installationAdmin'>, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (permission === 'installation:admin') return principal.installationAdmin === true;
  if (!ROLE_PERMISSIONS[principal.role].has(permission)) return false;
  return principal.scopes.some((scope) => SCOPE_PERMISSIONS[scope].includes(permission));
}

/** Admins and owners change anything in the org; members and keys of members only what their user created. */
export function mayChangeRecord(principal: Pick<Principal, 'role' | 'userId'>, creatorId: string | null): boolean {
  return principal.role === 'owner' || principal.role === 'admin' || (creatorId !== null && creatorId === principal.userId);
}

/** A role may grant only roles at most as strong as its own (an admin cannot make owners). */
export function mayGrant(granter: Role, role: Role): boolean {
  return granter === 'owner' || (granter === 'admin' && role !== 'owner');
}
