import { randomUUID } from 'node:crypto';
import { SpawnError } from '../errors/index.ts';
import type { Store } from '../store/index.ts';
import { sha256 } from './secrets.ts';
import type { InvitationAcceptor, OidcIdentity, OrgMembership, UserDirectory, UserProfile } from './user-directory.ts';

type TeamStore = Pick<Store, 'users' | 'orgs' | 'invitations'>;

/**
 * Users and organisations from the store (migration 007). A provider identity is (issuer, subject):
 * never the e-mail address, which a provider may let a user change or which another provider may
 * vouch for, so two identities with one address stay two users.
 */
export class StoreUserDirectory implements UserDirectory {
  readonly #store: TeamStore;

  constructor(store: TeamStore) {
    this.#store = store;
  }

  async findOrCreateFromOidc(identity: OidcIdentity): Promise<UserProfile> {
    const existing = await this.#store.users.findByOidc(identity.issuer, identity.subject);
    if (existing) {
      const updated = await this.#store.users.updateProfile(existing.id, { name: identity.name, email: identity.email });
      return profile(updated ?? existing);
    }
    const id = `u_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    try {
      await this.#store.users.create({ id, email: identity.email, name: identity.name, oidcIssuer: identity.issuer, oidcSubject: identity.subject });
    } catch (err) {
      // Two first sign-ins at once: the unique (issuer, subject) index lets one win; use its user.
      const winner = await this.#store.users.findByOidc(identity.issuer, identity.subject);
      if (!winner) throw err;
      return profile(winner);
    }
    await this.#store.orgs.ensurePersonal(id, identity.name);
    return { id, email: identity.email, name: identity.name };
  }

  async profile(userId: string): Promise<UserProfile | null> {
    const user = await this.#store.users.get(userId);
    return user ? profile(user) : null;
  }

  async memberships(userId: string): Promise<OrgMembership[]> {
    const list = await this.#store.orgs.listForUser(userId);
    return list.map(({ org, role }) => ({ id: org.id, name: org.name, role }));
  }

  roleOf(orgId: string, userId: string): Promise<string | null> {
    return this.#store.orgs.roleOf(orgId, userId);
  }

  async ensureUser(userId: string): Promise<void> {
    await this.#store.orgs.ensurePersonal(userId, userId);
  }
}

function profile(user: { id: string; email: string | null; name: string }): UserProfile {
  return { id: user.id, email: user.email, name: user.name };
}

/** Invitations from the store: single use, unexpired, the role they were created with. */
export class StoreInvitationAcceptor implements InvitationAcceptor {
  readonly #store: TeamStore;

  constructor(store: TeamStore) {
    this.#store = store;
  }

  async accept(token: string, userId: string): Promise<{ orgId: string }> {
    const invitation = await this.#store.invitations.findByHash(sha256(token));
    const now = new Date();
    if (!invitation || !(await this.#store.invitations.consume(invitation.id, userId, now))) {
      throw new SpawnError('INVITATION_INVALID');
    }
    await this.#store.orgs.putMember(invitation.orgId, userId, invitation.role);
    return { orgId: invitation.orgId };
  }
}
