import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_ERRORS, BODY_ERRORS, errorResponses, FleetJoinRequestSchema, FleetJoinResponseSchema, FleetViewSchema, PUBLIC_ERRORS } from '../../api-schemas/index.ts';
import type { FleetView } from '../../fleet/index.ts';

export interface FleetRoutesDeps {
  view(): Promise<FleetView>;
  join(token: string): Promise<Record<string, string>>;
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
  app.get('/api/fleet', { schema: getFleet, config: { permission: 'installation:admin' } }, async () => deps.view());
  app.post('/api/fleet/join', { schema: join, config: { permission: 'public' } }, async (request) => ({ env: await deps.join(request.body.token) }));
};
