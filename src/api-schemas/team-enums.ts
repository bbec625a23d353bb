/** Roles, API key scopes and visibilities as plain data (no zod: the web UI imports them). */

/** Strongest first: a role allows everything the roles after it allow. */
export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ['sessions:write', 'sessions:read', 'functions:execute', 'functions:write', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** `public`: anyone with the URL; `org`: signed-in members of the session's organisation. */
export const VISIBILITIES = ['public', 'org'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** How a request proved who it is. */
export const PRINCIPAL_VIAS = ['token', 'apikey', 'cookie', 'loopback'] as const;
export type PrincipalVia = (typeof PRINCIPAL_VIAS)[number];
