import { z } from 'zod';
import { PRINCIPAL_VIAS, ROLES } from './team-enums.ts';

/** `GET /api/me`: who is calling, the organisations they belong to, and the one they act in. */
export const MeViewSchema = z.object({
  user: z.object({ id: z.string(), email: z.string().nullable(), name: z.string() }),
  orgs: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  currentOrgId: z.string().nullable(),
  /** How the caller authenticated: the web UI's cookie, a bearer token, an API key, or loopback single-user mode. */
  via: z.enum(PRINCIPAL_VIAS),
  /** The caller's role in the current organisation. */
  role: z.enum(ROLES),
  /** Present with a cookie session: echo it in `X-CSRF-Token` on every mutation. */
  csrfToken: z.string().optional(),
});

export const SwitchOrgBodySchema = z.strictObject({ orgId: z.string().min(1).max(200) });

export const LoginQuerySchema = z.object({
  returnTo: z.string().max(2000).optional().meta({ description: 'a path on this server to land on after sign-in (default `/`)' }),
  invitation: z.string().max(200).optional().meta({ description: 'an invitation token, accepted once signed in' }),
});

export const CallbackQuerySchema = z.looseObject({ state: z.string().optional(), code: z.string().optional(), error: z.string().optional() });

export const AppSignInQuerySchema = z.object({
  app: z.string().max(100).meta({ description: 'the private app (session id) to open' }),
  next: z.string().max(2000).optional().meta({ description: 'the path on the app to land on' }),
});

export const LogoutViewSchema = z.object({ redirectTo: z.string().meta({ description: "the provider's logout URL when it supports RP-initiated logout, else `/`" }) });

export const DeviceLoginViewSchema = z.object({
  deviceCode: z.string(),
  userCode: z.string(),
  verificationUri: z.string(),
  verificationUriComplete: z.string().nullable(),
  expiresInSeconds: z.number(),
  intervalSeconds: z.number(),
});

export const DeviceTokenBodySchema = z.strictObject({ deviceCode: z.string().min(1).max(2000) });

export const DeviceTokenViewSchema = z.union([
  z.object({ status: z.enum(['pending', 'slow_down']) }),
  z.object({ status: z.literal('done'), token: z.string(), user: z.object({ id: z.string(), email: z.string().nullable(), name: z.string() }) }),
]);

export const SignInInfoSchema = z.object({
  /** `oidc` when an identity provider is configured (the web UI shows its sign-in page). */
  signIn: z.enum(['oidc', 'token', 'none']),
});
