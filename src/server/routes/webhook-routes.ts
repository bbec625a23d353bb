import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertListSchema,
  API_ERRORS,
  BODY_ERRORS,
  CreatedWebhookSchema,
  CreateWebhookRequestSchema,
  DeliveryListSchema,
  DeliveryParamsSchema,
  DeliveryViewSchema,
  errorResponses,
  OrgParamsSchema,
  WebhookListSchema,
  WebhookParamsSchema,
} from '../../api-schemas/index.ts';
import { WEBHOOK_EVENTS, type AlertService, type WebhookService } from '../../alerts/index.ts';
import { SpawnError } from '../../errors/index.ts';
import { toDeliveryView, toWebhookView } from '../money-view.ts';

export interface WebhookRoutesDeps {
  webhooks: WebhookService;
  alerts: AlertService;
}

const tags = ['webhooks'];
const ORG_ERRORS = [...API_ERRORS, 'ORG_NOT_FOUND'] as const;

const list = { tags, summary: "The organisation's webhooks (secrets are never shown again)", params: OrgParamsSchema, response: { 200: WebhookListSchema, ...errorResponses(...ORG_ERRORS) } };
const create = {
  tags,
  summary: 'Add a webhook for lifecycle events and alerts; the answer carries its signing secret, once',
  params: OrgParamsSchema,
  body: CreateWebhookRequestSchema,
  response: { 201: CreatedWebhookSchema, ...errorResponses(...ORG_ERRORS, ...BODY_ERRORS, 'WEBHOOK_URL_FORBIDDEN') },
};
const remove = { tags, summary: 'Remove a webhook', params: WebhookParamsSchema, response: { 204: z.null().describe('removed'), ...errorResponses(...ORG_ERRORS, 'WEBHOOK_NOT_FOUND') } };
const deliveries = {
  tags,
  summary: "A webhook's deliveries, newest first, each with its attempts (status, duration)",
  params: WebhookParamsSchema,
  response: { 200: DeliveryListSchema, ...errorResponses(...ORG_ERRORS, 'WEBHOOK_NOT_FOUND') },
};
const redeliver = {
  tags,
  summary: 'Send a delivery again now',
  params: DeliveryParamsSchema,
  response: { 202: DeliveryViewSchema.omit({ attemptLog: true }), ...errorResponses(...ORG_ERRORS, 'WEBHOOK_NOT_FOUND', 'DELIVERY_NOT_FOUND') },
};
const alerts = { tags, summary: "The organisation's alert incidents, newest first", params: OrgParamsSchema, response: { 200: AlertListSchema, ...errorResponses(...ORG_ERRORS) } };

/** Webhooks of an organisation, their deliveries, and its alert incidents. */
export const webhookRoutes: FastifyPluginAsyncZod<WebhookRoutesDeps> = async (app, { webhooks, alerts: alertService }) => {
  app.get('/api/orgs/:id/webhooks', { schema: list, config: { permission: 'org:admin', orgParam: 'id' } }, async (request) => {
    return { webhooks: (await webhooks.list(request.params.id)).map(toWebhookView) };
  });

  app.post('/api/orgs/:id/webhooks', { schema: create, config: { permission: 'org:admin', orgParam: 'id' } }, async (request, reply) => {
    const unknown = request.body.events.filter((e) => e !== '*' && !(WEBHOOK_EVENTS as readonly string[]).includes(e));
    if (unknown.length > 0) throw new SpawnError('INVALID_REQUEST', `unknown event(s) ${unknown.join(', ')}; events are ${WEBHOOK_EVENTS.join(', ')} or *`);
    const { webhook, secret } = await webhooks.create(request.params.id, request.body);
    return reply.status(201).send({ ...toWebhookView(webhook), secret });
  });

  app.delete('/api/orgs/:id/webhooks/:wid', { schema: remove, config: { permission: 'org:admin', orgParam: 'id' } }, async (request, reply) => {
    await webhooks.delete(request.params.id, request.params.wid);
    return reply.status(204).send(null);
  });

  app.get('/api/orgs/:id/webhooks/:wid/deliveries', { schema: deliveries, config: { permission: 'org:admin', orgParam: 'id' } }, async (request) => {
    return { deliveries: (await webhooks.deliveries(request.params.id, request.params.wid)).map(toDeliveryView) };
  });

  app.post('/api/orgs/:id/webhooks/:wid/deliveries/:did/redeliver', { schema: redeliver, config: { permission: 'org:admin', orgParam: 'id' } }, async (request, reply) => {
    const d = await webhooks.redeliver(request.params.id, request.params.wid, request.params.did);
    const { attemptLog: _log, ...view } = toDeliveryView({ ...d, attemptLog: [] });
    return reply.status(202).send(view);
  });

  app.get('/api/orgs/:id/alerts', { schema: alerts, config: { permission: 'org:admin', orgParam: 'id' } }, async (request) => {
    const list = await alertService.list(request.params.id);
    return { alerts: list.map((a) => ({ id: a.id, rule: a.rule, subject: a.subject, data: a.data, openedAt: a.openedAt.toISOString(), closedAt: a.closedAt?.toISOString() ?? null })) };
  });
};
