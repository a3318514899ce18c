import type { InternalClient } from '@sproul/common/http-client';
import { z } from 'zod';

const reason = z.union([
  z.object({ kind: z.enum(['favorite', 'visited']), club: z.string() }),
  z.object({ kind: z.literal('interest'), tag: z.number() }),
  z.object({ kind: z.literal('major'), major: z.number() }),
  z.object({ kind: z.literal('popular') }),
]);
const answer = z.object({ clubs: z.array(z.object({ link_name: z.string(), reason })) });

export type StudentClub = z.infer<typeof answer>['clubs'][number];

/** Clubs the recommender picks for a student, best first, each with why; throws when unavailable. */
export type StudentClubsSource = (
  userId: string,
  visitedClubIds: string[],
  k: number,
) => Promise<StudentClub[]>;

/** Asks the recommender (`/internal/for-student/:id`); visits stay the catalog's, so it sends the latest. */
export function recommenderStudentClubs(client: InternalClient): StudentClubsSource {
  return async (userId, visitedClubIds, k) => {
    const visited = visitedClubIds.slice(0, 20).map(encodeURIComponent).join(',');
    const { status, body } = await client.get<unknown>(
      `/internal/for-student/${encodeURIComponent(userId)}?k=${k}&visited=${visited}`,
    );
    if (status !== 200) throw new Error(`recommender answered ${status}`);
    return answer.parse(body).clubs;
  };
}
