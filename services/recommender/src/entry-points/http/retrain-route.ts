import { routesOf } from '@sproul/common/service';
import { z } from 'zod';
import type { Recommender } from '../../domain/recommender.js';

/** Internal: retrain now and wait for it (seconds; at 10 000 clubs about ten). */
export const retrainRoute = routesOf<Recommender>()(
  {
    method: 'post',
    path: '/internal/retrain',
    summary: 'Retrain the model now; swapped in if not worse on the eval set, or always with force',
    tag: 'Recommender (internal)',
    body: z.strictObject({ force: z.boolean().default(false) }).default({ force: false }),
    responses: {
      200: {
        description: 'The trained version, whether it answers now, and its figures',
        schema: z.object({
          version: z.number(),
          accepted: z.boolean(),
          figures: z.record(z.string(), z.number()),
        }),
      },
    },
  },
  async ({ ctx, body }) => {
    const outcome = await ctx.retrain('asked', { force: body.force });
    return { version: outcome.version, accepted: outcome.accepted, figures: { ...outcome.figures } };
  },
);
