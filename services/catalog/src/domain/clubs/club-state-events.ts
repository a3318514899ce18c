import type { DbOrTx } from '@sproul/common/db';
import {
  ClubCreatedV1,
  ClubCreatedV2,
  ClubUpdatedV1,
  ClubUpdatedV2,
  type clubSummaryV2Schema,
  type EventEnvelope,
  makeEvent,
  socialLinkNames,
} from '@sproul/common/events';
import type { z } from 'zod';
import type { Club } from '../../data-access/club-repository.js';
import { eventsOfClubsRepository } from '../../data-access/events-of-clubs-repository.js';
import { clubSummary } from './club-summary.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** v2's summary: v1's and what the statistics read (whether links and pictures are set, dates). */
export const clubSummaryV2 = (club: Club, eventStarts: Date[]): z.input<typeof clubSummaryV2Schema> => {
  const links = club.socialMediaLinks as Record<string, string | null | undefined>;
  return {
    ...clubSummary(club),
    confirmed: club.confirmed,
    reactivated: club.reactivated,
    registered_at: club.registeredAt.toISOString(),
    reactivated_last: iso(club.reactivatedLast),
    has_logo: Boolean(club.logoUrl),
    has_banner: Boolean(club.bannerUrl),
    social_links: socialLinkNames.filter((name) => Boolean(links[name]?.trim())),
    apply_deadline_start: iso(club.applyDeadlineStart),
    apply_deadline_end: iso(club.applyDeadlineEnd),
    recruiting_start: iso(club.recruitingStart),
    recruiting_end: iso(club.recruitingEnd),
    event_starts: eventStarts.map((start) => start.toISOString()),
  };
};

/** The start of every (non-recruiting) event of these clubs, in one query. */
async function eventStartsOf(db: DbOrTx, clubs: Club[]) {
  const events = await eventsOfClubsRepository(db).byClub(clubs.map((club) => club.id));
  return (club: Club) =>
    (events.get(club.id) ?? []).filter((event) => event.kind === 'event').map((event) => event.eventStart);
}

/** ClubCreated v1 and v2 for new clubs (v2 beside v1 until every consumer reads v2). */
export async function clubCreatedEvents(db: DbOrTx, clubs: Club[]): Promise<EventEnvelope[]> {
  const startsOf = await eventStartsOf(db, clubs);
  return clubs.flatMap((club) => [
    makeEvent(
      ClubCreatedV1,
      { clubId: club.id, ownerUserId: club.ownerUserId, club: clubSummary(club) },
      'catalog',
    ),
    makeEvent(
      ClubCreatedV2,
      { clubId: club.id, ownerUserId: club.ownerUserId, club: clubSummaryV2(club, startsOf(club)) },
      'catalog',
    ),
  ]);
}

/**
 * ClubUpdated v1 and v2 for a change of each club (`versions: [2]` for a replay, which only v2's
 * readers asked for).
 */
export async function clubUpdatedEvents(
  db: DbOrTx,
  changes: { club: Club; changed: string[]; previousLinkName?: string }[],
  versions: readonly (1 | 2)[] = [1, 2],
): Promise<EventEnvelope[]> {
  const startsOf = await eventStartsOf(
    db,
    changes.map((change) => change.club),
  );
  return changes.flatMap(({ club, changed, previousLinkName }) => {
    const renamed = previousLinkName ? { previousLinkName } : {};
    const base = { clubId: club.id, changed, ...renamed };
    return [
      ...(versions.includes(1)
        ? [makeEvent(ClubUpdatedV1, { ...base, club: clubSummary(club) }, 'catalog')]
        : []),
      ...(versions.includes(2)
        ? [makeEvent(ClubUpdatedV2, { ...base, club: clubSummaryV2(club, startsOf(club)) }, 'catalog')]
        : []),
    ];
  });
}
