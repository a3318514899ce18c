import { z } from 'zod';
import { requestReplay } from '../../domain/rebuild/request-replay.js';
import { ADMIN, route, TAG } from './route.js';

/** Rebuilds the read models from the owning services' current state (see docs/architecture.md). */
export const rebuildRoute = route(
  {
    method: 'post',
    path: '/api/monitor/read-models/rebuild',
    tag: TAG,
    summary: 'Drop the statistics read models and ask auth and the catalog to replay their state',
    auth: ADMIN,
    responses: {
      202: {
        description: 'Replay requested',
        schema: z.object({ status: z.literal('success'), replay_id: z.uuid() }),
      },
    },
  },
  async ({ ctx }) => {
    const replayId = await requestReplay(ctx.outbox);
    ctx.cache.clear();
    return { status: 'success' as const, replay_id: replayId };
  },
);
