import type { DbOrTx } from '@sproul/common/db';
import { DateTime } from 'luxon';
import { eventsBetweenRepository } from '../../data-access/events-between-repository.js';

/**
 * The campus day `now` falls in (`zone`, CAMPUS_TZ): from its midnight to the next, so 23 or 25 hours
 * long on the days clocks change.
 */
export function campusDay(now: Date, zone: string) {
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  return {
    date: start.toISODate() as string,
    from: start.toJSDate(),
    to: start.plus({ days: 1 }).toJSDate(),
  };
}

/**
 * Events and recruiting events of visible clubs that happen (at least partly) on today's campus day, in
 * start order, a page at a time. Removed events are never among them (they leave club_events).
 */
export async function todaysEvents(
  db: DbOrTx,
  now: Date,
  zone: string,
  page: { limit: number; skip: number },
) {
  const day = campusDay(now, zone);
  const events = eventsBetweenRepository(db);
  const results = await events.page(day.from, day.to, page);
  return { date: day.date, results, total: await events.count(day.from, day.to) };
}
