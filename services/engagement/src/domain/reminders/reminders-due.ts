import type { DbOrTx } from '@sproul/common/db';
import { and, eq, gt, isNotNull, lte } from 'drizzle-orm';
import { clubEvents, clubs, rsvps } from '../../data-access/schema.js';

/** One student's RSVP (status `going`) to an event that starts soon: what a reminder is about. */
export interface DueReminder {
  accountId: string;
  eventId: string;
  eventName: string;
  clubName: string;
  location: string;
  startsAt: Date;
}

/**
 * Every RSVP with status `going` (of a student: walk-ins have no account) to an event that is not
 * cancelled and starts after `now` and at most `now + leadMs`, one row per (student, event), with the
 * event's name, location and start and its club's name. It includes reminders already sent, students who
 * did not opt in and students without a verified phone: sendReminders (send-reminders.ts) filters those
 * out and keeps the exactly-once marker.
 */
export async function remindersDue(db: DbOrTx, now: Date, leadMs: number): Promise<DueReminder[]> {
  const rows = await db
    .select({
      accountId: rsvps.accountId,
      eventId: clubEvents.id,
      eventName: clubEvents.name,
      clubName: clubs.name,
      location: clubEvents.location,
      startsAt: clubEvents.startsAt,
    })
    .from(rsvps)
    .innerJoin(clubEvents, eq(clubEvents.id, rsvps.eventId))
    .innerJoin(clubs, eq(clubs.id, clubEvents.clubId))
    .where(
      and(
        eq(rsvps.status, 'going'),
        isNotNull(rsvps.accountId),
        eq(clubEvents.cancelled, false),
        gt(clubEvents.startsAt, now),
        lte(clubEvents.startsAt, new Date(now.getTime() + leadMs)),
      ),
    );
  return rows.map((row) => ({ ...row, accountId: row.accountId as string }));
}
