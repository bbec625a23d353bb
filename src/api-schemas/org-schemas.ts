import { z } from 'zod';
import { idText, isoDate } from './common-schemas.ts';
import { API_KEY_SCOPES, PRINCIPAL_VIAS, ROLES, VISIBILITIES } from './team-enums.ts';

const limit = () => z.number().int().min(0);

export const OrgLimitsSchema = z.object({
  maxActiveSessions: z.number().int(),
  maxNewSessionsPerWindow: z.number().int(),
  maxFunctionConcurrency: z.number().int(),
});

export const OrgViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean().meta({ description: "a user's own organisation (same id as the user): cannot be deleted or shared" }),
  role: z.enum(ROLES).meta({ description: "the caller's role in it" }),
  limits: OrgLimitsSchema.meta({ description: "the limits in force: the organisation's own where an admin set one, else the server's caps" }),
  caps: OrgLimitsSchema.meta({ description: "the server's caps: the most an admin may set" }),
  createdAt: isoDate(),
});

export const OrgListSchema = z.object({ orgs: z.array(OrgViewSchema) });

export const CreateOrgRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

export const UpdateOrgRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  limits: z
    .strictObject({ maxActiveSessions: limit().optional(), maxNewSessionsPerWindow: limit().optional(), maxFunctionConcurrency: limit().optional() })
    .meta({ description: "each at most the server's cap (else LIMIT_ABOVE_CAP)" })
    .optional(),
});

export const OrgParamsSchema = z.object({ id: idText(200).meta({ description: 'the organisation id' }) });
export const MemberParamsSchema = OrgParamsSchema.extend({ userId: z.string() });
export const ApiKeyParamsSchema = OrgParamsSchema.extend({ keyId: z.string() });
export const InvitationParamsSchema = z.object({ token: z.string().meta({ description: 'the token of the invitation URL' }) });

export const MemberViewSchema = z.object({ userId: z.string(), name: z.string(), email: z.string().nullable(), role: z.enum(ROLES), joinedAt: isoDate() });
export const MemberListSchema = z.object({ members: z.array(MemberViewSchema) });
export const UpdateMemberRequestSchema = z.strictObject({ role: z.enum(ROLES) });

export const CreateInvitationRequestSchema = z.strictObject({
  role: z.enum(ROLES).default('member'),
  expiresInSeconds: z.number().int().min(60).max(30 * 24 * 3600).meta({ description: 'default 7 days' }).optional(),
});
export const InvitationCreatedSchema = z.object({
  id: z.string(),
  url: z.string().meta({ description: 'single use; shown once' }),
  token: z.string(),
  role: z.enum(ROLES),
  expiresAt: isoDate(),
});
export const InvitationAcceptedSchema = z.object({ org: OrgViewSchema });

export const ApiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  prefix: z.string().meta({ description: "the key's first characters, to recognise it" }),
  creatorId: z.string(),
  createdAt: isoDate(),
  lastUsedAt: isoDate().nullable(),
  revokedAt: isoDate().nullable(),
});
export const ApiKeyCreatedSchema = ApiKeyViewSchema.extend({ key: z.string().meta({ description: 'the secret: shown this once, stored only hashed' }) });
export const ApiKeyListSchema = z.object({ apiKeys: z.array(ApiKeyViewSchema) });
export const CreateApiKeyRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(100), scopes: z.array(z.enum(API_KEY_SCOPES)).min(1) });

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: isoDate(),
  actorId: z.string().nullable(),
  actorVia: z.enum([...PRINCIPAL_VIAS, 'anonymous']),
  action: z.string(),
  target: z.string().nullable(),
  result: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
export const AuditQuerySchema = z.object({
  actor: z.string().optional(),
  action: z.string().optional(),
  since: z.string().meta({ format: 'date-time' }).optional(),
  until: z.string().meta({ format: 'date-time' }).optional(),
  cursor: z.string().meta({ description: '`nextCursor` of the previous page' }).optional(),
  limit: z.string().meta({ description: 'page size, 1 to 200 (default 50)' }).optional(),
});

export const VisibilityRequestSchema = z.strictObject({ visibility: z.enum(VISIBILITIES) });
