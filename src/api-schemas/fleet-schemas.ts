import { z } from 'zod';

const CostSchema = z.object({ hostHours: z.number(), costUsd: z.number().meta({ description: 'host hours × the tier price (SPAWN_FLEET_SIZE in the price table)' }), billedUsd: z.number().meta({ description: 'what the sessions run on these hosts were billed' }) });

/** `GET /api/fleet` */
export const FleetViewSchema = z.object({
  enabled: z.boolean().meta({ description: 'false when no cloud is configured (no DIGITALOCEAN_TOKEN): workers are started by hand' }),
  provider: z.string().nullable(),
  regions: z.array(z.string()),
  defaultRegion: z.string(),
  leader: z.string().nullable().meta({ description: 'the node whose autoscaler made the latest decision' }),
  hosts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      region: z.string(),
      size: z.string(),
      state: z.string().meta({ description: 'creating, joining, active, draining or destroyed' }),
      dropletId: z.string().nullable(),
      createdAt: z.string(),
      joinedAt: z.string().nullable(),
      destroyedAt: z.string().nullable(),
      reason: z.string().nullable().meta({ description: 'why it was destroyed: DRAINED, DRAIN_TIMEOUT, JOIN_TIMEOUT, HOST_LOST, HOST_MAX_AGE, HOST_VANISHED' }),
      capacity: z.record(z.string(), z.number()).nullable().meta({ description: 'the last heartbeat: freeMemoryMb, sandboxes, pool, activeJobs, room' }),
      hours: z.number(),
      costUsd: z.number(),
      billedUsd: z.number(),
    }),
  ),
  cost: z.object({ byRegion: z.record(z.string(), CostSchema), total: CostSchema }),
  decisions: z.array(
    z.object({ at: z.string(), region: z.string(), leader: z.string(), desired: z.number(), action: z.string(), inputs: z.record(z.string(), z.unknown()) }),
  ).meta({ description: 'the latest autoscaler decisions, newest first: inputs, desired host count, action' }),
});

/** `POST /api/fleet/join` */
export const FleetJoinRequestSchema = z.strictObject({ token: z.string().meta({ description: 'the single-use join token from the host’s user data' }) });
export const FleetJoinResponseSchema = z.object({ env: z.record(z.string(), z.string()).meta({ description: 'the worker’s configuration as environment variables' }) });
