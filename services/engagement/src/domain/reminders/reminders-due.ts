import type { DbOrTx } from '@sproul/common/db';

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
 * The contract of the reminder job's source: every RSVP with status `going` to an event (not
 * cancelled) whose start is after `now` and at most `now + leadMs`, one row per (student, event),
 * with the event's name, location and start and its club's name. It may include reminders already
 * sent, students who did not opt in and students without a verified phone: sendReminders
 * (send-reminders.ts) filters those out and keeps the exactly-once marker.
 *
 * RSVPs and engagement's copy of clubs' events are written by the RSVP work (issue 21, its own
 * branch); on this branch engagement holds no RSVP, so nobody is due. The query over those tables
 * replaces this body when the branches meet.
 */
export async function remindersDue(_db: DbOrTx, _now: Date, _leadMs: number): Promise<DueReminder[]> {
  return [];
}
