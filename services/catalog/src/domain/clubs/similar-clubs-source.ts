import type { InternalClient } from '@sproul/common/http-client';
import { z } from 'zod';

/** Link names of the clubs most similar to one club, most similar first; throws when unavailable. */
export type SimilarClubsSource = (linkName: string, k: number) => Promise<string[]>;

// The recommender answers `{ similar: [{ link_name, score }] }`; a bare list of link names is read too.
const similarAnswer = z.union([
  z
    .object({ similar: z.array(z.object({ link_name: z.string() })) })
    .transform((a) => a.similar.map((s) => s.link_name)),
  z.array(z.string()),
]);

/** Asks the recommender over internal HTTP (the client's timeout and circuit breaker keep a club page fast). */
export function recommenderSimilarClubs(client: InternalClient): SimilarClubsSource {
  return async (linkName, k) => {
    const { status, body } = await client.get<unknown>(
      `/internal/similar/${encodeURIComponent(linkName)}?k=${k}`,
    );
    if (status === 404) return [];
    if (status !== 200) throw new Error(`recommender answered ${status}`);
    return similarAnswer.parse(body);
  };
}
