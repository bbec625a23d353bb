import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BODY_ERRORS, DeviceLoginViewSchema, DeviceTokenBodySchema, DeviceTokenViewSchema, errorResponses, PUBLIC_ERRORS } from '../../api-schemas/index.ts';
import { assertIdentityAllowed, type UserProfile } from '../../auth/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { SignIn } from '../sign-in.ts';

export interface DeviceRoutesDeps {
  signIn: SignIn;
  /** A bearer credential for the CLI of this user (stored hashed; shown once). */
  issueToken(user: UserProfile): Promise<string>;
}

const tags = ['sign-in'];
const start = {
  tags,
  summary: '`spawnai login`: starts the device authorization grant at the identity provider',
  security: [],
  response: { 200: DeviceLoginViewSchema, ...errorResponses(...PUBLIC_ERRORS, 'SIGN_IN_NOT_CONFIGURED', 'DEVICE_LOGIN_UNSUPPORTED', 'SIGN_IN_FAILED', 'SIGN_IN_UNAVAILABLE') },
};
const poll = {
  tags,
  summary: '`spawnai login`: one poll; `done` carries a bearer token for the CLI',
  security: [],
  body: DeviceTokenBodySchema,
  response: { 200: DeviceTokenViewSchema, ...errorResponses(...PUBLIC_ERRORS, ...BODY_ERRORS, 'SIGN_IN_NOT_CONFIGURED', 'SIGN_IN_FAILED', 'SIGN_IN_NOT_ALLOWED', 'SIGN_IN_UNAVAILABLE') },
};

/**
 * `POST /auth/device` and `POST /auth/device/token`. The server, not the CLI, talks to the provider:
 * the client secret stays on the server, and the CLI needs only the server's URL.
 */
export const deviceRoutes: FastifyPluginAsyncZod<DeviceRoutesDeps> = async (app, { signIn, issueToken }) => {
  app.post('/auth/device', { schema: start, config: { permission: 'public' } }, async () => {
    if (!signIn.oidc) throw new SpawnError('SIGN_IN_NOT_CONFIGURED');
    const device = await signIn.oidc.beginDevice();
    if (!device) throw new SpawnError('DEVICE_LOGIN_UNSUPPORTED');
    return device;
  });

  app.post('/auth/device/token', { schema: poll, config: { permission: 'public' } }, async (request) => {
    if (!signIn.oidc) throw new SpawnError('SIGN_IN_NOT_CONFIGURED');
    const answer = await signIn.oidc.pollDevice(request.body.deviceCode);
    if (answer.status !== 'done') return { status: answer.status };
    assertIdentityAllowed(answer.signedIn.identity, signIn.oidc.settings);
    const user = await signIn.directory.findOrCreateFromOidc(answer.signedIn.identity);
    return { status: 'done' as const, token: await issueToken(user), user };
  });
};
