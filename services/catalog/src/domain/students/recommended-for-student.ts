import { clubCatalogRepository } from '../../data-access/club-catalog-repository.js';
import type { Club } from '../../data-access/club-repository.js';
import { repositories } from '../../data-access/repositories.js';
import type { StudentProfile } from '../../data-access/student-profile-repository.js';
import type { CatalogContext } from '../catalog-context.js';
import type { StudentClub } from '../clubs/student-clubs-source.js';

export const RECOMMENDED_FOR_STUDENT = 3;

export interface StudentHistory {
  profile: StudentProfile;
  favorites: Club[];
  /** Most recent first. */
  visited: Club[];
}

/**
 * The recommender's clubs for a student (upstream answered three random ones), each with a reason in
 * words. When it is down or slow: visible clubs sharing the most of the student's interests, not
 * already favourites, then the most recently updated. Never fails the profile.
 */
export async function recommendedForStudent(
  ctx: Pick<CatalogContext, 'db' | 'logger' | 'studentClubs'>,
  history: StudentHistory,
  k = RECOMMENDED_FOR_STUDENT,
) {
  const catalog = clubCatalogRepository(ctx.db);
  const favorite = new Set(history.favorites.map((club) => club.id));
  try {
    // More than k: a favourite added a moment ago may not have reached the recommender yet.
    const picks = await ctx.studentClubs(
      history.profile.userId,
      history.visited.map((club) => club.id),
      Math.min(k + favorite.size, 50),
    );
    const clubs = await catalog.visibleByLinkNames(picks.map((pick) => pick.link_name));
    const words = await reasonWords(ctx, history, picks);
    const byLink = new Map(clubs.map((club) => [club.linkName, club]));
    return picks
      .filter((pick) => byLink.has(pick.link_name) && !favorite.has(byLink.get(pick.link_name)!.id))
      .slice(0, k)
      .map((pick) => ({ ...byLink.get(pick.link_name)!, reason: words(pick) }));
  } catch (error) {
    ctx.logger.debug({ err: error }, 'recommender unavailable: clubs for a student by shared interests');
  }
  // `sharingTags` leaves out one club (the page's own); no club has the nil UUID, so none is left out.
  const candidates = await catalog.sharingTags(
    { id: '00000000-0000-0000-0000-000000000000', tags: history.profile.interests },
    k + favorite.size,
  );
  const interests = new Set(history.profile.interests);
  const tagNames = new Map((await repositories(ctx.db).metadata.tags()).map((tag) => [tag.id, tag.name]));
  return candidates
    .filter((club) => !favorite.has(club.id))
    .slice(0, k)
    .map((club) => {
      const tag = club.tags.find((id) => interests.has(id));
      const reason = tag !== undefined ? `matches your interest in ${tagNames.get(tag)}` : 'recently updated';
      return { ...club, reason };
    });
}

/** "because you follow X", "matches your interest in Y": the recommender's reasons, in the catalog's names. */
async function reasonWords(ctx: Pick<CatalogContext, 'db'>, history: StudentHistory, picks: StudentClub[]) {
  const metadata = repositories(ctx.db).metadata;
  const [tags, majors] = await Promise.all([metadata.tags(), metadata.majors()]);
  const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
  const majorName = new Map(majors.map((major) => [major.id, major.major]));
  const clubName = new Map(
    [...history.favorites, ...history.visited].map((club) => [club.linkName, club.name]),
  );
  const named = picks.flatMap(({ reason }) =>
    'club' in reason && !clubName.has(reason.club) ? [reason.club] : [],
  );
  for (const club of await clubCatalogRepository(ctx.db).visibleByLinkNames(named))
    clubName.set(club.linkName, club.name);
  return (pick: StudentClub) => {
    const reason = pick.reason;
    switch (reason.kind) {
      case 'favorite':
        return `because you follow ${clubName.get(reason.club) ?? reason.club}`;
      case 'visited':
        return `because you viewed ${clubName.get(reason.club) ?? reason.club}`;
      case 'interest':
        return tagName.has(reason.tag)
          ? `matches your interest in ${tagName.get(reason.tag)}`
          : 'matches your interests';
      case 'major':
        return majorName.has(reason.major)
          ? `popular with ${majorName.get(reason.major)} students`
          : 'popular with students of your major';
      default:
        return 'popular on campus';
    }
  };
}
