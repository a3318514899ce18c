import { routesOf } from '@sproul/common/service';
import { z } from 'zod';
import { studentProfileRepository } from '../../data-access/student-profile-repository.js';
import { rankForStudent } from '../../domain/for-student.js';
import type { Recommender } from '../../domain/recommender.js';

const reason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('favorite'), club: z.string() }),
  z.object({ kind: z.literal('visited'), club: z.string() }),
  z.object({ kind: z.literal('interest'), tag: z.number() }),
  z.object({ kind: z.literal('major'), major: z.number() }),
  z.object({ kind: z.literal('popular') }),
]);

/**
 * Internal: the catalog calls it for a student's profile and `/api/student/recommended-clubs`, and
 * words the reasons with its tag, major and club names.
 */
export const forStudentRoute = routesOf<Recommender>()(
  {
    method: 'get',
    path: '/internal/for-student/:id',
    summary: 'Clubs for a student, from their interests, majors, favourites and visits, with a reason each',
    tag: 'Recommender (internal)',
    params: z.object({ id: z.string().min(1).max(200) }),
    query: z.object({
      k: z.coerce.number().int().min(1).max(50).default(3),
      /** Catalog ids of clubs the student opened, most recent first (visits stay in the catalog). */
      visited: z
        .string()
        .max(4000)
        .default('')
        .transform((value) => value.split(',').filter(Boolean).slice(0, 50)),
    }),
    responses: {
      200: {
        description: 'Most recommended first; clubs the student follows are left out',
        schema: z.object({
          user_id: z.string(),
          clubs: z.array(z.object({ link_name: z.string(), club_id: z.string(), score: z.number(), reason })),
        }),
      },
    },
  },
  async ({ ctx, params, query }) => {
    const students = studentProfileRepository(ctx.db);
    const profile = await students.find(params.id);
    const majors = profile?.majors ?? [];
    const followersWithMajor = new Map(
      await Promise.all(
        majors.map(async (major) => [major, await students.followersWithMajor(major)] as const),
      ),
    );
    const picks = rankForStudent(
      ctx,
      { profile, visited: query.visited, followers: await students.followers(), followersWithMajor },
      query.k,
    );
    const linkName = (clubId: string) => ctx.visibleClubs().get(clubId)?.linkName ?? '';
    return {
      user_id: params.id,
      clubs: picks.map((pick) => ({
        link_name: linkName(pick.clubId),
        club_id: pick.clubId,
        score: pick.score,
        reason:
          pick.reason.kind === 'favorite' || pick.reason.kind === 'visited'
            ? { kind: pick.reason.kind, club: linkName(pick.reason.club_id) }
            : pick.reason,
      })),
    };
  },
);
