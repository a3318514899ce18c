import { routesOf } from '@sproul/common/service';
import { z } from 'zod';
import type { Recommender } from '../../domain/recommender.js';
import { unknownClub } from '../../errors.js';

const similarClub = z.object({ link_name: z.string(), score: z.number() });

/**
 * Most similar first. Internal: the gateway does not route `/internal`; the catalog calls it for
 * club pages.
 */
export const similarRoute = routesOf<Recommender>()(
  {
    method: 'get',
    path: '/internal/similar/:link',
    summary: 'Clubs most similar to one, by tags and description',
    tag: 'Recommender (internal)',
    params: z.object({ link: z.string().min(1).max(200) }),
    query: z.object({ k: z.coerce.number().int().min(1).max(20).default(3) }),
    responses: {
      200: {
        description: 'The similar clubs',
        schema: z.object({ link_name: z.string(), similar: z.array(similarClub) }),
      },
    },
    errors: [404],
  },
  async ({ ctx, params, query }) => {
    const similar = ctx.similar(params.link, query.k);
    if (!similar) throw unknownClub();
    return { link_name: params.link, similar };
  },
);
