import type { DbOrTx } from '@sproul/common/db';
import type { ClubEvent } from '../data-access/club-event-repository.js';
import type { Club } from '../data-access/club-repository.js';
import { eventsOfClubsRepository } from '../data-access/events-of-clubs-repository.js';
import type { Repositories } from '../data-access/repositories.js';
import { clubNotFound } from '../errors.js';

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

/** A club as the student pages show it: with its events, so a calendar needs no further call. */
export interface ClubWithEvents {
  club: Club;
  events: ClubEvent[];
  recruitingEvents: ClubEvent[];
}

/** Visible clubs only (a club hidden since it was saved drops out), each with its events. */
export async function withEvents(db: DbOrTx, clubs: Club[]): Promise<ClubWithEvents[]> {
  const visible = clubs.filter((club) => club.confirmed && club.reactivated);
  const events = await eventsOfClubsRepository(db).byClub(visible.map((club) => club.id));
  return visible.map((club) => {
    const own = events.get(club.id) ?? [];
    return {
      club,
      events: own.filter((event) => event.kind === 'event'),
      recruitingEvents: own.filter((event) => event.kind === 'recruiting'),
    };
  });
}
