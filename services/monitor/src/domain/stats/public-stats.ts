import type { Db } from '@sproul/common/db';
import {
  campusWeek,
  clubsByTag,
  clubsRecruitingAt,
  eventsBetween,
  PUBLIC_WEEKS,
  signUpsPerWeek,
} from '../../data-access/public-stats-queries.js';

/** `YYYY-MM-DD` of an instant in a time zone. */
const localDate = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/**
 * Statistics anyone may read: counts only, and a count small enough to point at someone (1 to
 * `minCell` - 1) answered as null. Clubs are public in the catalog anyway; sign-ups are people. No
 * time of computation in it: the same figures give the same body, hence the same ETag.
 */
export async function publicStats(db: Db, now: Date, options: { zone: string; minCell: number }) {
  const { zone, minCell } = options;
  const cell = (n: number) => (n > 0 && n < minCell ? null : n);
  const week = await campusWeek(db, now, zone);
  const perWeek = await signUpsPerWeek(db, now, zone);
  // Noon of each Monday is on that Monday whatever a daylight-saving change did to the hours between.
  const mondays = Array.from({ length: PUBLIC_WEEKS }, (_, i) =>
    localDate(
      new Date(week.start.getTime() - (PUBLIC_WEEKS - 1 - i) * 7 * 86_400_000 + 12 * 3_600_000),
      zone,
    ),
  );
  return {
    min_cell: minCell,
    clubs_by_tag: (await clubsByTag(db)).map((tag) => ({ ...tag, clubs: cell(tag.clubs) })),
    clubs_recruiting_now: cell(await clubsRecruitingAt(db, now)),
    sign_ups_per_week: mondays.map((monday) => ({
      week_start: monday,
      sign_ups: cell(perWeek.get(monday) ?? 0),
    })),
    events_this_week: cell(await eventsBetween(db, week.start, week.end)),
    week_start: localDate(new Date(week.start.getTime() + 12 * 3_600_000), zone),
  };
}
