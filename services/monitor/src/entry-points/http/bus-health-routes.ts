import { BusUnavailableError } from '@sproul/common/bus';
import { z } from 'zod';
import { busUnavailable } from '../../errors.js';
import { ADMIN, route, TAG } from './route.js';

/** The platform's consuming services: each has one durable queue, named after it. */
export const SERVICE_QUEUES = [
  'auth',
  'catalog',
  'media',
  'mailer',
  'mailer-bulk',
  'mailer-sms',
  'recommender',
  'monitor',
  'engagement',
] as const;

const busHealth = z.object({
  connected: z.boolean(),
  /** Why not, when not connected. */
  reason: z.string().nullable(),
  queues: z.array(z.object({ queue: z.string(), waiting: z.number(), dead: z.number() })),
});

/** `/api/monitor/bus`: what the admin web app's event bus page shows, and its replay button. */
export const busHealthRoutes = [
  route(
    {
      method: 'get',
      path: '/api/monitor/bus',
      tag: TAG,
      summary: "Event bus health: connected, and each service queue's waiting messages and dead letters",
      auth: ADMIN,
      responses: { 200: { description: 'Health', schema: busHealth } },
    },
    async ({ ctx }): Promise<z.infer<typeof busHealth>> => {
      try {
        await ctx.bus.check();
        return { connected: true, reason: null, queues: await ctx.bus.queueDepths([...SERVICE_QUEUES]) };
      } catch (error) {
        if (!(error instanceof BusUnavailableError)) throw error;
        return { connected: false, reason: error.message, queues: [] };
      }
    },
  ),
  route(
    {
      method: 'post',
      path: '/api/monitor/bus/:queue/replay',
      tag: TAG,
      summary: "Put a service queue's dead letters (up to 100) back on it, as first deliveries",
      auth: ADMIN,
      params: z.object({ queue: z.enum(SERVICE_QUEUES) }),
      responses: {
        200: {
          description: 'How many were put back',
          schema: z.object({ status: z.literal('success'), replayed: z.number() }),
        },
      },
      errors: [503],
    },
    async ({ ctx, params }) => {
      try {
        return { status: 'success' as const, replayed: await ctx.bus.replayDeadLetters(params.queue) };
      } catch (error) {
        throw error instanceof BusUnavailableError ? busUnavailable() : error;
      }
    },
  ),
];
