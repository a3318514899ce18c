import type { RsvpStatus } from '@sproul/common/events';

/**
 * The RSVP state machine, as one table (like membership-moves.ts): every move an RSVP can make, and
 * who may make it. Nothing else decides whether a move is allowed; the tests walk this table.
 *
 * `none` is "no RSVP yet". Whether a student's RSVP lands on `going` or `waitlisted` is the event's
 * capacity's say, counted under the event's lock; `checked_in → checked_in` is a repeat scan (a
 * re-entry), counted only when the officer says `again`.
 */
export type RsvpSide = 'student' | 'officer' | 'platform';
export type RsvpFrom = RsvpStatus | 'none';

export interface RsvpMove {
  from: RsvpFrom;
  to: RsvpStatus;
  by: RsvpSide;
}

const moves = (by: RsvpSide, from: RsvpFrom, ...to: RsvpStatus[]): RsvpMove[] =>
  to.map((t) => ({ from, to: t, by }));

export const rsvpMoves: readonly RsvpMove[] = [
  // RSVPing, and RSVPing again after cancelling (before the deadline).
  ...moves('student', 'none', 'going', 'waitlisted'),
  ...moves('student', 'cancelled', 'going', 'waitlisted'),
  ...moves('student', 'going', 'cancelled'),
  ...moves('student', 'waitlisted', 'cancelled'),
  // A seat freed up: the earliest on the waitlist, in the cancelling transaction.
  ...moves('platform', 'waitlisted', 'going'),
  // At the door: a scanned ticket, a re-entry, or a walk-in checked in without an RSVP.
  ...moves('officer', 'going', 'checked_in'),
  ...moves('officer', 'checked_in', 'checked_in'),
  ...moves('officer', 'none', 'checked_in'),
  // Never came: the no-show job an hour after the event ends, or an officer.
  ...moves('platform', 'going', 'no_show'),
  ...moves('officer', 'going', 'no_show'),
];

/** The statuses `side` may move an RSVP to from `from`. */
export const allowedRsvpMoves = (from: RsvpFrom, side: RsvpSide): RsvpStatus[] =>
  rsvpMoves.filter((move) => move.from === from && move.by === side).map((move) => move.to);

/** Whether the table has this move for this side. */
export const rsvpMoveAllowed = (from: RsvpFrom, to: RsvpStatus, side: RsvpSide): boolean =>
  rsvpMoves.some((move) => move.from === from && move.to === to && move.by === side);

/** The statuses that hold a seat. */
export const seatedStatuses: readonly RsvpStatus[] = ['going', 'checked_in'];
/** The statuses that show in a student's calendar feed (cancelled events are marked, not dropped). */
export const attendingStatuses: readonly RsvpStatus[] = ['going', 'waitlisted', 'checked_in'];
