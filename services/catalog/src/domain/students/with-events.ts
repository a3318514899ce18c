import type { DbOrTx } from '@sproul/common/db';
import type { ClubEvent } from '../../data-access/club-event-repository.js';
import type { Club } from '../../data-access/club-repository.js';
import { eventsOfClubsRepository } from '../../data-access/events-of-clubs-repository.js';
import { isVisible } from '../clubs/club-summary.js';

/** A club as the student pages show it: with its events, so a calendar needs no further call. */
export interface ClubWithEvents {
  club: Club;
  events: ClubEvent[];
  recruitingEvents: ClubEvent[];
}

/** Visible clubs only (a club hidden since it was saved drops out), each with its events. */
export async function withEvents(db: DbOrTx, clubs: Club[]): Promise<ClubWithEvents[]> {
  const visible = clubs.filter(isVisible);
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
