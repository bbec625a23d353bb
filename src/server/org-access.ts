import type { FastifyRequest } from 'fastify';
import type { MoneyConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import { LOCAL_OWNER } from './auth.ts';

/** What a route about an organisation needs from the caller. */
export type OrgPermission = 'member' | 'admin' | 'installation-admin';

/**
 * The one gate of every `/api/orgs/:id/…` route. Until organisations exist, an owner is the only
 * member (and admin) of a personal organisation with its own id; installation admins are the
 * local owner (single-user mode) and the owners listed in SPAWN_ADMINS. Swapped for the teams
 * permission model when it lands: only this function changes.
 */
export function requestOrgAccess(request: FastifyRequest, orgId: string, permission: OrgPermission, config: MoneyConfig): void {
  const caller = request.ownerId;
  const installationAdmin = caller === LOCAL_OWNER || config.admins.includes(caller);
  if (permission === 'installation-admin' ? installationAdmin : caller === orgId || installationAdmin) return;
  throw new SpawnError('ORG_FORBIDDEN', permission === 'installation-admin' ? 'only an installation admin may do this (SPAWN_ADMINS)' : `you are not a ${permission} of organisation ${orgId}`);
}
