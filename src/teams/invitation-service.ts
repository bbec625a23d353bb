import { ROLES, type Role } from '../api-types.ts';
import { SpawnError } from '../errors/index.ts';
import type { InvitationRecord, OrgRecord, Store } from '../store/index.ts';
import { hashSecret, newInvitationToken, newTeamId } from './credentials.ts';
import { mayGrant } from './permissions.ts';
import type { Principal } from './principal.ts';

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600; // a week

/** Single-use invitations: the token travels in the URL once; only its hash is stored. */
export class InvitationService {
  readonly #store: Pick<Store, 'invitations' | 'orgs'>;

  constructor(store: Pick<Store, 'invitations' | 'orgs'>) {
    this.#store = store;
  }

  async create(actor: Principal, orgId: string, role: Role, ttlSeconds = INVITATION_TTL_SECONDS): Promise<{ record: InvitationRecord; token: string }> {
    if (!mayGrant(actor.role, role)) throw new SpawnError('FORBIDDEN', 'only an owner may invite an owner (missing permission: org:delete)');
    const org = await this.#store.orgs.get(orgId);
    if (!org) throw new SpawnError('ORG_NOT_FOUND');
    if (org.personal) throw new SpawnError('PERSONAL_ORG', 'a personal organisation has no other members: create an organisation to invite people');
    const { token, hash } = newInvitationToken();
    const record = await this.#store.invitations.create({ id: newTeamId('inv'), orgId, role, tokenHash: hash, createdBy: actor.userId, expiresAt: new Date(Date.now() + ttlSeconds * 1000) });
    return { record, token };
  }

  /**
   * Makes `userId` a member with the invitation's role; the invitation is then used up. Called by
   * the sign-in callback and by `POST /api/invitations/:token/accept`. A member already holding a
   * stronger role keeps it.
   */
  async accept(token: string, userId: string): Promise<{ org: OrgRecord; role: Role }> {
    const invitation = await this.#store.invitations.findByHash(hashSecret(token));
    const org = invitation ? await this.#store.orgs.get(invitation.orgId) : null;
    if (!invitation || !org || !(await this.#store.invitations.consume(invitation.id, userId, new Date()))) throw new SpawnError('INVITATION_INVALID');
    const current = await this.#store.orgs.roleOf(org.id, userId);
    const role = current && ROLES.indexOf(current) < ROLES.indexOf(invitation.role) ? current : invitation.role;
    await this.#store.orgs.putMember(org.id, userId, role);
    return { org, role };
  }
}
