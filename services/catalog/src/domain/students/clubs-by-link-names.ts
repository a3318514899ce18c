import type { Club } from '../../data-access/club-repository.js';
import type { Repositories } from '../../data-access/repositories.js';
import { clubNotFound } from '../../errors.js';

/**
 * The clubs named by link names, in the order given, duplicates dropped. A former link name (the club
 * was renamed) still finds the club. Unknown names are a 404 listing them (upstream skipped them
 * silently, so a typo looked like success).
 */
export async function clubsByLinkNames(
  repos: Repositories,
  linkNames: string[],
  { visibleOnly }: { visibleOnly: boolean },
): Promise<Club[]> {
  const found: Club[] = [];
  const unknown: string[] = [];
  for (const linkName of [...new Set(linkNames)]) {
    const current = (await repos.clubs.findRedirect(linkName)) ?? linkName;
    const club = visibleOnly
      ? await repos.clubs.findVisibleByLinkName(current)
      : await repos.clubs.findByLinkName(current);
    if (club) found.push(club);
    else unknown.push(linkName);
  }
  if (unknown.length > 0) {
    throw clubNotFound({ clubs: unknown });
  }
  const seen = new Set<string>();
  return found.filter((club) => !seen.has(club.id) && seen.add(club.id));
}
