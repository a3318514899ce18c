import { z } from 'zod';
import { replayRequests } from '../../data-access/replay-requests.js';
import { REPLAY_OWNERS, waitingFor } from '../../domain/rebuild/replay-owners.js';
import { requestReplay } from '../../domain/rebuild/request-replay.js';
import { ADMIN, route, TAG } from './route.js';

const owner = z.enum(REPLAY_OWNERS);
const replayState = z.object({
  status: z.literal('success'),
  /** The newest replay, or null before the first one. */
  replay: z
    .object({
      replay_id: z.uuid(),
      requested_at: z.iso.datetime({ offset: true }),
      last_asked_at: z.iso.datetime({ offset: true }),
      answered: z.array(z.string()),
      /** Owners it is still re-sent to (backing off); empty once the read models are whole again. */
      waiting: z.array(owner),
    })
    .nullable(),
});

/** Rebuilding the read models from the owning services' current state (see docs/architecture.md). */
export const readModelRoutes = [
  route(
    {
      method: 'post',
      path: '/api/monitor/read-models/rebuild',
      tag: TAG,
      summary: 'Drop the statistics read models and ask auth, the catalog and media to replay their state',
      auth: ADMIN,
      responses: {
        202: {
          description: 'Replay requested',
          schema: z.object({ status: z.literal('success'), replay_id: z.uuid() }),
        },
      },
    },
    async ({ ctx }) => {
      const replayId = await requestReplay(ctx.outbox, ctx.clock());
      ctx.cache.clear();
      return { status: 'success' as const, replay_id: replayId };
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/read-models',
      tag: TAG,
      summary: 'The newest replay: which owning services have answered it and which are still asked',
      auth: ADMIN,
      responses: { 200: { description: 'Replay state', schema: replayState } },
    },
    async ({ ctx }): Promise<z.infer<typeof replayState>> => {
      const replay = await replayRequests(ctx.db).latest();
      return {
        status: 'success',
        replay: replay
          ? {
              replay_id: replay.replayId,
              requested_at: replay.requestedAt.toISOString(),
              last_asked_at: replay.lastAskedAt.toISOString(),
              answered: [...replay.answered].sort(),
              waiting: waitingFor(replay.answered),
            }
          : null,
      };
    },
  ),
];
