import type { SpawnConfig } from '../config/index.ts';
import type { Store } from '../store/index.ts';
import { ApiKeyService, AuditLog, InvitationService, OrgService, PrincipalResolver } from '../teams/index.ts';
import { authRequired } from './auth.ts';

/** The team layer's services, built once per server from the store and the configuration. */
export interface TeamServices {
  resolver: PrincipalResolver;
  orgs: OrgService;
  apiKeys: ApiKeyService;
  invitations: InvitationService;
  audit: AuditLog;
}

export function createTeamServices(store: Store, config: SpawnConfig): TeamServices {
  const { maxActiveSessions, maxNewSessions, maxFunctionConcurrency } = config.limits;
  return {
    // Loopback single-user mode exactly when no credential is required (see authRequired).
    resolver: new PrincipalResolver(store, { loopback: !authRequired(config) }),
    orgs: new OrgService(store, { maxActiveSessions, maxNewSessionsPerWindow: maxNewSessions, maxFunctionConcurrency }),
    apiKeys: new ApiKeyService(store),
    invitations: new InvitationService(store),
    audit: new AuditLog(store),
  };
}
