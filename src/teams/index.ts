export { LOCAL_USER_ID, ORG_HEADER, type Principal } from './principal.ts';
export { ALL_SCOPES, PERMISSIONS, ROLE_PERMISSIONS, SCOPE_PERMISSIONS, allows, mayChangeRecord, mayGrant, type Permission } from './permissions.ts';
export { PrincipalResolver, type CredentialInput, type PrincipalStore } from './principal-resolver.ts';
export { API_KEY_PREFIX, hashSecret } from './credentials.ts';
export { OrgService, type LimitCaps } from './org-service.ts';
export { ApiKeyService } from './api-key-service.ts';
export { InvitationService, INVITATION_TTL_SECONDS } from './invitation-service.ts';
export { AuditLog, auditCsv, type AuditEvent } from './audit-log.ts';
