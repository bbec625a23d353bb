import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, BODY_ERRORS, errorResponses, FleetJoinRequestSchema, FleetJoinResponseSchema, FleetViewSchema, PUBLIC_ERRORS } from '../../api-schemas/index.ts';
import { SpawnError } from '../../errors/index.ts';
import type { FleetView } from '../../fleet/index.ts';

export interface FleetRoutesDeps {
  view(): Promise<FleetView>;
  join(token: string): Promise<Record<string, string>>;
  /** Installation admins only (until roles land: the single-user owner on loopback, or a token named `admin`). */
  isAdmin(ownerId: string): boolean;
}

const tags = ['fleet'];

const getFleet = {
  tags,
  summary: 'The worker fleet: hosts, cost per region and in total, recent autoscaler decisions (admins)',
  response: { 200: FleetViewSchema.describe('the fleet'), ...errorResponses(...API_ERRORS) },
};

const join = {
  tags,
  summary: 'A new fleet host exchanges its single-use join token for its worker configuration (no bearer token)',
  body: FleetJoinRequestSchema,
  response: { 200: FleetJoinResponseSchema.describe('the worker configuration'), ...errorResponses(...PUBLIC_ERRORS, ...BODY_ERRORS, 'JOIN_TOKEN_INVALID') },
};

export const fleetRoutes: FastifyPluginAsyncZod<FleetRoutesDeps> = async (app, deps) => {
  app.get('/api/fleet', { schema: getFleet }, async (request) => {
    if (!deps.isAdmin(request.ownerId)) throw new SpawnError('FORBIDDEN', 'the fleet view is for installation admins');
    return deps.view();
  });
  app.post('/api/fleet/join', { schema: join }, async (request) => ({ env: await deps.join(request.body.token) }));
};
