import { z } from 'zod';
import { repositories } from '../../../data-access/repositories.js';
import { route } from '../route.js';
import { TAG } from './student.js';

const lookup = (path: 'majors' | 'minors' | 'years', key: string) =>
  route(
    {
      method: 'get',
      path: `/api/student/${path}`,
      tag: TAG,
      summary: `The ${path} list, ids 0..n-1 (public)`,
      responses: {
        200: {
          description: `All ${path}`,
          schema: z.array(z.object({ id: z.number().int(), [key]: z.string() })),
        },
      },
    },
    ({ ctx }) => repositories(ctx.db).metadata[path](),
  );

/** The public major, minor and year lists a student's profile picks from. */
export const lookupRoutes = [lookup('majors', 'major'), lookup('minors', 'minor'), lookup('years', 'year')];
